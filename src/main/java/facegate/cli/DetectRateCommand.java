package facegate.cli;

import facegate.core.FaceDetector;
import facegate.embed.DjlSsdMobilenet;
import facegate.pipeline.MediaPipeDetectors;
import facegate.vision.CascadeFaceDetector;
import facegate.vision.CascadeSettings;
import facegate.vision.DetectionRate;
import facegate.vision.DetectionRateEvaluator;
import facegate.vision.FallbackFaceDetector;
import facegate.vision.ImageDecoder;
import facegate.vision.MediaPipeFaceDetector;
import facegate.vision.MediaPipeSettings;
import facegate.vision.SsdFaceDetector;
import facegate.vision.SsdSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures how often a face detector (or a chain of them) finds a face in a set of images. */
@Command(
    name = "detect-rate",
    description = "Run the face detector over every .jpg/.png under a folder and count detections.")
final class DetectRateCommand implements Callable<Integer> {
  /** The detectors this command can measure, chained with {@code +} (fallbacks). */
  enum Detector {
    CASCADE("cascade"),
    SSD("ssd"),
    /** MediaPipe face_detection_full_range. */
    MEDIAPIPE("mediapipe"),
    /** MediaPipe face_detection_short_range. */
    MEDIAPIPE_SHORT("mediapipe-short");

    final String id;

    Detector(String id) {
      this.id = id;
    }
  }

  /**
   * Accepts detector names joined by {@code +}, e.g. {@code cascade+ssd} (the SSD where the
   * cascades find nothing) or {@code mediapipe+mediapipe-short}, in any case.
   */
  static final class ChainConverter implements CommandLine.ITypeConverter<List<Detector>> {
    @Override
    public List<Detector> convert(String value) {
      List<Detector> chain = new ArrayList<>();
      for (String part : value.toLowerCase(Locale.ROOT).split("\\+", -1)) {
        chain.add(
            java.util.Arrays.stream(Detector.values())
                .filter(d -> d.id.equals(part))
                .findFirst()
                .orElseThrow(
                    () ->
                        new CommandLine.TypeConversionException(
                            "unknown detector '"
                                + part
                                + "': use cascade, ssd, mediapipe or mediapipe-short,"
                                + " joined by +")));
      }
      return List.copyOf(chain);
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--images", required = true, description = "folder searched recursively")
  Path images;

  @Option(
      names = "--list",
      description =
          "only the files named in the first column of this file (tab or space separated),"
              + " relative to --images, e.g. cfp/poses.tsv")
  Path list;

  @Option(
      names = "--where",
      description = "with --list: only lines whose second column is this, e.g. profile")
  String where;

  @Option(names = "--limit", defaultValue = "0", description = "first N files only; 0 for all")
  int limit;

  @Option(names = "--threads", description = "parallel workers (default: available processors)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--detector",
      defaultValue = "cascade",
      converter = ChainConverter.class,
      description =
          "cascade, ssd, mediapipe (full range) or mediapipe-short, or a chain joined by +"
              + " where each asks the next only when it finds nothing, e.g. cascade+ssd (the"
              + " former service default) (default ${DEFAULT-VALUE})")
  List<Detector> detector;

  @Option(
      names = "--ssd-model",
      defaultValue = "models/ssd-mobilenetv1-faceapi",
      description = "SSD model folder (default ${DEFAULT-VALUE})")
  Path ssdModel;

  @Option(
      names = "--models",
      defaultValue = "models",
      description = "folder holding the MediaPipe model folders (default ${DEFAULT-VALUE})")
  Path models;

  @Option(
      names = "--min-confidence",
      defaultValue = "0.5",
      description = "ssd: minimum face score (default ${DEFAULT-VALUE})")
  double minConfidence;

  @Option(
      names = "--mediapipe-min-score",
      defaultValue = "0.5",
      description = "mediapipe detectors: minimum face score (default ${DEFAULT-VALUE})")
  double mediaPipeMinScore;

  @Option(
      names = "--mediapipe-fill",
      defaultValue = "1",
      description = "mediapipe (full range): share of the square the photo takes (default 1)")
  double mediaPipeFill;

  @Option(
      names = "--short-fill",
      defaultValue = "0.7",
      description = "mediapipe-short: share of the square the photo takes (default 0.7)")
  double shortFill;

  @Option(
      names = "--frontal-cascade",
      defaultValue = "ALT2",
      description = "frontal Haar cascade: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  CascadeSettings.FrontalCascade frontalCascade;

  @Option(
      names = "--profile",
      defaultValue = "WHEN_NO_FRONTAL",
      description = "profile cascade: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  CascadeSettings.ProfileSearch profile;

  @Option(names = "--min-neighbors", defaultValue = "3", description = "default ${DEFAULT-VALUE}")
  int minNeighbors;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(images)) {
      spec.commandLine().getErr().println("not a folder: " + images);
      return 2;
    }
    List<AutoCloseable> opened = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    DetectionRate rate;
    try {
      List<FaceDetector> stages = new ArrayList<>();
      for (Detector kind : detector) {
        stages.add(open(kind, opened, descriptions));
      }
      FaceDetector chain = stages.get(stages.size() - 1);
      for (int i = stages.size() - 2; i >= 0; i--) {
        chain = new FallbackFaceDetector(stages.get(i), chain);
      }
      DetectionRateEvaluator evaluator = new DetectionRateEvaluator(chain, new ImageDecoder());
      rate =
          list == null
              ? evaluator.evaluate(images, limit, threads)
              : evaluator.evaluate(listed(), threads);
    } finally {
      closeAll(opened);
    }
    print(out, String.join(" then ", descriptions), rate);
    return 0;
  }

  private FaceDetector open(Detector kind, List<AutoCloseable> opened, List<String> descriptions) {
    AutoCloseable detector =
        switch (kind) {
          case CASCADE -> {
            CascadeSettings settings =
                CascadeSettings.defaults()
                    .withFrontalCascade(frontalCascade)
                    .withProfile(profile)
                    .withMinNeighbors(minNeighbors);
            descriptions.add(settings.toString());
            yield new CascadeFaceDetector(settings);
          }
          case SSD -> {
            SsdSettings settings =
                SsdSettings.defaults().withMinConfidence(minConfidence).withPredictors(threads);
            descriptions.add("ssd " + ssdModel + " " + settings);
            yield new SsdFaceDetector(DjlSsdMobilenet.load(ssdModel, threads), settings);
          }
          case MEDIAPIPE, MEDIAPIPE_SHORT -> {
            boolean full = kind == Detector.MEDIAPIPE;
            MediaPipeSettings settings =
                MediaPipeSettings.defaults()
                    .withMinScore(mediaPipeMinScore)
                    .withFill(full ? mediaPipeFill : shortFill);
            descriptions.add(kind.id + " " + settings);
            yield MediaPipeDetectors.load(
                models.resolve(
                    full
                        ? MediaPipeDetectors.FULL_RANGE_MODEL
                        : MediaPipeDetectors.SHORT_RANGE_MODEL),
                full ? MediaPipeFaceDetector.Range.FULL : MediaPipeFaceDetector.Range.SHORT,
                settings);
          }
        };
    opened.add(detector);
    return (FaceDetector) detector;
  }

  /** The files of {@code --list} (filtered by {@code --where}), under {@code --images}. */
  private List<Path> listed() {
    try (var lines = Files.lines(list)) {
      List<Path> files =
          lines
              .map(String::strip)
              .filter(line -> !line.isEmpty())
              .map(line -> line.split("[\\t ]+"))
              .filter(columns -> where == null || columns.length > 1 && columns[1].equals(where))
              .map(columns -> images.resolve(columns[0]))
              .toList();
      return limit > 0 ? files.subList(0, Math.min(limit, files.size())) : files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + list, e);
    }
  }

  private static void closeAll(List<AutoCloseable> opened) {
    for (AutoCloseable closeable : opened) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing a detector after a measurement; nothing to report
      }
    }
  }

  private static void print(PrintWriter out, String settings, DetectionRate rate) {
    out.println("settings: " + settings);
    out.printf(
        Locale.ROOT,
        "unreadable=%d faces=%d centre=%d (%.4f of images) largest-at-centre=%d seconds=%.1f%n",
        rate.unreadable(),
        rate.faces(),
        rate.centreContained(),
        rate.images() == 0 ? 0.0 : (double) rate.centreContained() / rate.images(),
        rate.largestContainsCentre(),
        rate.seconds());
    out.printf(
        Locale.ROOT,
        "images=%d detected=%d rate=%.4f frontal=%d profile=%d ips=%.1f%n",
        rate.images(),
        rate.detected(),
        rate.rate(),
        rate.frontal(),
        rate.profile(),
        rate.imagesPerSecond());
    out.flush();
  }
}
