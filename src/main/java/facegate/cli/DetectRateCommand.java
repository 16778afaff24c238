package facegate.cli;

import facegate.vision.CascadeFaceDetector;
import facegate.vision.CascadeSettings;
import facegate.vision.DetectionRate;
import facegate.vision.DetectionRateEvaluator;
import facegate.vision.ImageDecoder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures how often the cascade detector finds a face in a folder of images. */
@Command(
    name = "detect-rate",
    description = "Run the face detector over every .jpg/.png under a folder and count detections.")
final class DetectRateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--images", required = true, description = "folder searched recursively")
  Path images;

  @Option(names = "--limit", defaultValue = "0", description = "first N files only; 0 for all")
  int limit;

  @Option(names = "--threads", description = "parallel workers (default: available processors)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--frontal-cascade",
      defaultValue = "ALT2",
      description = "frontal Haar cascade: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  CascadeSettings.FrontalCascade frontalCascade;

  @Option(names = "--no-profile", description = "frontal cascade only")
  boolean noProfile;

  @Option(names = "--min-neighbors", defaultValue = "3", description = "default ${DEFAULT-VALUE}")
  int minNeighbors;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.isDirectory(images)) {
      spec.commandLine().getErr().println("not a folder: " + images);
      return 2;
    }
    CascadeSettings settings =
        CascadeSettings.defaults()
            .withFrontalCascade(frontalCascade)
            .withProfile(!noProfile)
            .withMinNeighbors(minNeighbors);
    DetectionRate rate;
    try (CascadeFaceDetector detector = new CascadeFaceDetector(settings)) {
      rate =
          new DetectionRateEvaluator(detector, new ImageDecoder()).evaluate(images, limit, threads);
    }
    print(out, settings, rate);
    return 0;
  }

  private static void print(PrintWriter out, CascadeSettings settings, DetectionRate rate) {
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
