package facegate.cli;

import facegate.core.FaceViewSynthesizer;
import facegate.pose.FaceRenderer3d;
import facegate.pose.PoseGan;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Chooses a pose view synthesizer: {@code 3d} (re-rendering) or {@code gan} (the pose GAN). */
final class PoseSynthesizerOptions {
  @Option(
      names = "--method",
      defaultValue = "3d",
      description = "3d (re-rendering with a generic head) or gan (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--gan-model",
      defaultValue = "models/pose-gan",
      description = "Pose GAN generator folder for --method gan (default: ${DEFAULT-VALUE}).")
  Path ganModel;

  /** An opened synthesizer and whatever must be closed with it. */
  record Opened(FaceViewSynthesizer synthesizer, AutoCloseable resource) implements AutoCloseable {
    @Override
    public void close() {
      if (resource != null) {
        try {
          resource.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot close the synthesizer", e);
        }
      }
    }
  }

  Opened open() {
    return switch (method) {
      case "3d" -> new Opened(FaceRenderer3d.shipped(), null);
      case "gan" -> {
        PoseGan gan = PoseGan.open(ganModel);
        yield new Opened(gan, gan);
      }
      default ->
          throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(this), "unknown --method '" + method + "': use 3d or gan");
    };
  }
}
