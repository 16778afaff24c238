package facegate.cli;

import facegate.core.FaceBox;
import facegate.core.LivenessDetector;
import facegate.core.RgbImage;
import facegate.eval.LivenessLabels;
import facegate.liveness.NetworkLivenessDetector;
import facegate.liveness.TextureLivenessDetector;
import facegate.pipeline.FaceRecognizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times the liveness check per face on one thread: the frames of a labelled folder are decoded and
 * their faces found once (timed apart), then the check (crops, features, score) runs over them for
 * several rounds after a warm-up round.
 */
@Command(
    name = "liveness-bench",
    description =
        "Time the liveness check per face (one thread) on the frames of a labelled folder.")
final class LivenessBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ModelOptions models;

  @Mixin LivenessNetworkOptions check;

  @Option(names = "--data", required = true, description = "folder with labels.tsv")
  Path data;

  @Option(
      names = "--liveness-model",
      defaultValue = "models/liveness-texture",
      description = "liveness model folder (default ${DEFAULT-VALUE})")
  Path livenessModel;

  @Option(names = "--frames", defaultValue = "50", description = "first N frames")
  int frames;

  @Option(names = "--rounds", defaultValue = "10", description = "timed rounds over the frames")
  int rounds;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LivenessDetector detector =
        check.texture() ? TextureLivenessDetector.load(livenessModel) : check.open();
    List<RgbImage> images = new ArrayList<>();
    List<FaceBox> faces = new ArrayList<>();
    List<Double> detectMillis = new ArrayList<>();
    try (FaceRecognizer recognizer = models.open(1)) {
      for (LivenessLabels label : LivenessLabels.read(data).stream().limit(frames).toList()) {
        byte[] bytes = Files.readAllBytes(data.resolve(label.path()));
        long start = System.nanoTime();
        RgbImage image = recognizer.decode(bytes);
        Optional<FaceBox> face = recognizer.largestFaceBox(image);
        detectMillis.add((System.nanoTime() - start) / 1e6);
        if (face.isPresent()) {
          images.add(image);
          faces.add(face.get());
        }
      }
    }
    double[] checkMillis = new double[images.size() * rounds];
    double sink = 0;
    for (int round = -1; round < rounds; round++) {
      for (int i = 0; i < images.size(); i++) {
        long start = System.nanoTime();
        sink += detector.assess(images.get(i), faces.get(i)).score();
        if (round >= 0) {
          checkMillis[round * images.size() + i] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    if (detector instanceof NetworkLivenessDetector network) {
      network.close();
    }
    out.printf(
        Locale.ROOT,
        "%s%nfaces %d of %d frames, %d rounds (score sum %.3f)%n"
            + "liveness check ms/face: median %.2f, p95 %.2f%n"
            + "decode + detect ms/frame (the face verify finds anyway): median %.1f%n",
        check.describe(),
        images.size(),
        detectMillis.size(),
        rounds,
        sink,
        LivenessEvalCommand.percentile(checkMillis, 0.5),
        LivenessEvalCommand.percentile(checkMillis, 0.95),
        LivenessEvalCommand.percentile(
            detectMillis.stream().mapToDouble(Double::doubleValue).toArray(), 0.5));
    out.flush();
    return 0;
  }
}
