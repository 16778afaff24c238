package facegate.cli;

import facegate.embed.GraphFaceEmbedder;
import facegate.eval.EmbeddingCache;
import facegate.eval.HtmlReport;
import facegate.pipeline.Composition;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.PipelineSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options that choose the networks, shared by every command that embeds faces. */
final class ModelOptions {
  @Option(
      names = "--model",
      defaultValue = "models/dlib-resnet-faceapi",
      converter = ModelFolderConverter.class,
      description =
          "Embedding model folder, or a folder name under models/ (e.g. faceplugin-mfn512, faceres,"
              + " faceres-deep, mobilefacenet, mobileface; default: ${DEFAULT-VALUE}).")
  Path model;

  /** A path as given, or {@code models/<name>} for a bare name that is no folder here. */
  static final class ModelFolderConverter implements picocli.CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      Path path = Path.of(value);
      boolean bareName = path.getNameCount() == 1 && !Files.isDirectory(path);
      return bareName ? Path.of("models").resolve(value) : path;
    }
  }

  @Option(
      names = "--landmark-model",
      defaultValue = "models/landmark68-faceapi",
      description = "Landmark model folder (default: ${DEFAULT-VALUE}).")
  Path landmarkModel;

  @Option(
      names = "--detector-model",
      defaultValue = "models/ssd-mobilenetv1-faceapi",
      description =
          "SSD face detector folder, used where MediaPipe's detectors find no face"
              + " (default: ${DEFAULT-VALUE}).")
  Path detectorModel;

  /** What a report says about this run: the model, the command line, now, this machine. */
  HtmlReport.RunInfo runInfo(String modelName, CommandSpec spec) {
    return new HtmlReport.RunInfo(
        modelName + " (" + model + ")",
        CalibrateCommand.commandLine(spec),
        Instant.now(),
        HtmlReport.RunInfo.thisMachine());
  }

  /** The standard pipeline of these models, without pool or batching. */
  FaceRecognizer open(int predictors) {
    return Composition.recognizer(
        new PipelineSettings(model, landmarkModel, detectorModel, predictors, null));
  }

  /**
   * Identifies what the pipeline computes: the pipeline version, a graph embedder's input fields
   * ({@link GraphFaceEmbedder#inputSignature}) and the bytes of the networks' parameter files (not
   * the rest of model.json, which calibration rewrites).
   */
  String fingerprint() {
    String input = GraphFaceEmbedder.inputSignature(model);
    return fingerprint(
        input.isEmpty() ? List.of() : List.of(input), List.of(model, landmarkModel, detectorModel));
  }

  /** The embedding cache in {@code file} keyed by {@link #fingerprint()}; null without a file. */
  EmbeddingCache cache(Path file) {
    return file == null ? null : EmbeddingCache.open(file, fingerprint());
  }

  /**
   * SHA-256 of the pipeline version, then {@code tags}, then the bytes of every {@code .params}
   * file, every TFJS weights {@code .bin} file (not the normalisation cohort {@code cohort.bin})
   * and every ONNX {@code .onnx} file in {@code modelDirs} (in that order, files sorted): what a
   * cache of pipeline outputs is keyed by.
   */
  static String fingerprint(List<String> tags, List<Path> modelDirs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(FaceRecognizer.PIPELINE_VERSION.getBytes(StandardCharsets.UTF_8));
      for (String tag : tags) {
        digest.update(tag.getBytes(StandardCharsets.UTF_8));
      }
      for (Path dir : modelDirs) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path params : files.filter(ModelOptions::isWeights).sorted().toList()) {
            digest.update(Files.readAllBytes(params));
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model files", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isWeights(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".params")
        || name.endsWith(".onnx")
        || (name.endsWith(".bin") && !name.equals("cohort.bin"));
  }
}
