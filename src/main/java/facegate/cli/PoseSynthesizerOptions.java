package facegate.cli;

import facegate.core.FaceViewSynthesizer;
import facegate.pose.FaceRenderer3d;
import facegate.pose.PoseGan;
import facegate.pose.RenderRepair;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Chooses a pose view synthesizer: {@code 3d} (re-rendering), {@code gan} (the pose GAN) or {@code
 * rr} (re-rendering repaired by the rotate-and-render generator).
 */
final class PoseSynthesizerOptions {
  @Option(
      names = "--method",
      defaultValue = "3d",
      description =
          "3d (re-rendering with a generic head), gan (the pose GAN) or rr (3d, then repaired"
              + " by the rotate-and-render generator) (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--gan-model",
      defaultValue = "models/pose-gan",
      description = "Pose GAN generator folder for --method gan (default: ${DEFAULT-VALUE}).")
  Path ganModel;

  @Option(
      names = "--repair-model",
      defaultValue = "models/render-repair",
      description = "Repair generator folder for --method rr (default: ${DEFAULT-VALUE}).")
  Path repairModel;

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
      case "rr" -> {
        RenderRepair repair = RenderRepair.open(repairModel, FaceRenderer3d.shipped());
        yield new Opened(repair, repair);
      }
      default ->
          throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(this),
              "unknown --method '" + method + "': use 3d, gan or rr");
    };
  }
}
