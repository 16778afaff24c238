package facegate.cli;

import facegate.core.FaceDetector;
import facegate.embed.DjlSsdMobilenet;
import facegate.vision.CascadeFaceDetector;
import facegate.vision.CascadeSettings;
import facegate.vision.DetectionRate;
import facegate.vision.DetectionRateEvaluator;
import facegate.vision.FallbackFaceDetector;
import facegate.vision.ImageDecoder;
import facegate.vision.SsdFaceDetector;
import facegate.vision.SsdSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures how often a face detector (cascades or SSD) finds a face in a folder of images. */
@Command(
    name = "detect-rate",
    description = "Run the face detector over every .jpg/.png under a folder and count detections.")
final class DetectRateCommand implements Callable<Integer> {
  /** The detectors this command can measure. */
  enum Detector {
    CASCADE,
    SSD,
    /** The service's default: cascades, and SSD where they find nothing. */
    CASCADE_THEN_SSD
  }

  /** Accepts {@code cascade}, {@code ssd} and {@code cascade+ssd}, in any case. */
  static final class DetectorConverter implements CommandLine.ITypeConverter<Detector> {
    @Override
    public Detector convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "cascade" -> Detector.CASCADE;
        case "ssd" -> Detector.SSD;
        case "cascade+ssd" -> Detector.CASCADE_THEN_SSD;
        default ->
            throw new CommandLine.TypeConversionException(
                "unknown detector '" + value + "': use cascade, ssd or cascade+ssd");
      };
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--images", required = true, description = "folder searched recursively")
  Path images;

  @Option(names = "--limit", defaultValue = "0", description = "first N files only; 0 for all")
  int limit;

  @Option(names = "--threads", description = "parallel workers (default: available processors)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--detector",
      defaultValue = "cascade",
      converter = DetectorConverter.class,
      description =
          "cascade, ssd, or cascade+ssd (SSD where the cascades find nothing, as the service"
              + " does) (default ${DEFAULT-VALUE})")
  Detector detector;

  @Option(
      names = "--ssd-model",
      defaultValue = "models/ssd-mobilenetv1-faceapi",
      description = "SSD model folder (default ${DEFAULT-VALUE})")
  Path ssdModel;

  @Option(
      names = "--min-confidence",
      defaultValue = "0.5",
      description = "ssd: minimum face score (default ${DEFAULT-VALUE})")
  double minConfidence;

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
    SsdSettings ssdSettings =
        SsdSettings.defaults().withMinConfidence(minConfidence).withPredictors(threads);
    CascadeSettings cascadeSettings =
        CascadeSettings.defaults()
            .withFrontalCascade(frontalCascade)
            .withProfile(profile)
            .withMinNeighbors(minNeighbors);
    String description =
        switch (detector) {
          case SSD -> "ssd " + ssdModel + " " + ssdSettings;
          case CASCADE -> cascadeSettings.toString();
          case CASCADE_THEN_SSD -> cascadeSettings + " then ssd " + ssdModel + " " + ssdSettings;
        };
    DetectionRate rate;
    try (CascadeFaceDetector cascade = new CascadeFaceDetector(cascadeSettings);
        SsdFaceDetector ssd =
            detector == Detector.CASCADE
                ? null
                : new SsdFaceDetector(
                    DjlSsdMobilenet.load(ssdModel, ssdSettings.predictors()), ssdSettings)) {
      rate =
          evaluate(
              switch (detector) {
                case SSD -> ssd;
                case CASCADE -> cascade;
                case CASCADE_THEN_SSD -> new FallbackFaceDetector(cascade, ssd);
              });
    }
    print(out, description, rate);
    return 0;
  }

  private DetectionRate evaluate(FaceDetector faceDetector) {
    return new DetectionRateEvaluator(faceDetector, new ImageDecoder())
        .evaluate(images, limit, threads);
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
