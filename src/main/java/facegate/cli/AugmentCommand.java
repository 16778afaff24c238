package facegate.cli;

import facegate.core.AlignedFace;
import facegate.core.FaceViewSynthesizer;
import facegate.core.RgbImage;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.ContactSheet;
import facegate.vision.FaceAligner;
import facegate.vision.ImageEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code augment}: writes synthesized pose views (3D re-rendering or the pose GAN) of the largest
 * face of every image in a folder, plus a contact sheet: one row per image, the aligned chip first.
 */
@Command(
    name = "augment",
    description = "Write pose views (3d or gan) of every image in a folder, plus a contact sheet.")
final class AugmentCommand implements Callable<Integer> {
  @Option(names = "--images", required = true, description = "Folder searched recursively.")
  Path images;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Mixin PoseSynthesizerOptions synthesizer;

  @Option(names = "--limit", defaultValue = "0", description = "First N images only; 0 for all.")
  int limit;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for the synthesizer.")
  long seed;

  @Mixin ModelOptions models;

  @Override
  public Integer call() throws IOException {
    List<Path> files = listImages();
    List<List<RgbImage>> sheet = new ArrayList<>();
    int views = 0;
    int noFace = 0;
    long start = System.nanoTime();
    try (FaceRecognizer recognizer = models.open(1);
        PoseSynthesizerOptions.Opened opened = synthesizer.open()) {
      FaceViewSynthesizer views3 = opened.synthesizer();
      FaceAligner aligner = new FaceAligner(recognizer.embedder().inputSize(), 0.25);
      Random random = new Random(seed);
      ProgressBar bar = new ProgressBar(System.err, "augment", files.size());
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        List<AlignedFace> faces =
            recognizer.alignFaces(recognizer.decode(Files.readAllBytes(file)), false);
        bar.update(i + 1);
        if (faces.isEmpty()) {
          noFace++;
          continue;
        }
        AlignedFace face = faces.get(0);
        List<RgbImage> made =
            views3.synthesize(face.chip(), aligner.chipLandmarks(face.landmarks()), random);
        String stem = stem(file);
        List<RgbImage> row = new ArrayList<>();
        row.add(face.chip());
        for (int v = 0; v < made.size(); v++) {
          ImageEncoder.write(
              made.get(v), out.resolve(stem + "-" + views3.name() + "-" + v + ".png"));
          row.add(made.get(v));
        }
        views += made.size();
        sheet.add(row);
      }
    }
    Path sheetFile = out.resolve("contact-sheet.png");
    if (!sheet.isEmpty()) {
      ImageEncoder.write(ContactSheet.of(sheet), sheetFile);
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "images=%d no-face=%d views=%d sheet=%s seconds=%.1f%n",
        files.size(),
        noFace,
        views,
        sheet.isEmpty() ? "none" : sheetFile,
        (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private List<Path> listImages() {
    try (Stream<Path> walk = Files.walk(images)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().toLowerCase().matches(".*\\.(jpg|jpeg|png)$"))
              .sorted()
              .toList();
      return limit > 0 ? files.subList(0, Math.min(limit, files.size())) : files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + images, e);
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
