package facegate.cli;

import facegate.core.FaceViewSynthesizer;
import facegate.pose.FaceRenderer3d;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.PoseGan;
import facegate.pose.RenderRepair;
import java.nio.file.Path;
import java.util.List;
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

  @Option(
      names = "--yaws",
      defaultValue = "-60,-40,-20,20,40,60",
      split = ",",
      description =
          "Target yaws in degrees of the 3d and rr views; gan ignores them (default:"
              + " ${DEFAULT-VALUE}).")
  List<Double> yawsDegrees;

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

  private FaceRenderer3d renderer() {
    return new FaceRenderer3d(HeadPoseEstimator.shipped(), yawsDegrees);
  }

  Opened open() {
    return switch (method) {
      case "3d" -> new Opened(renderer(), null);
      case "gan" -> {
        PoseGan gan = PoseGan.open(ganModel);
        yield new Opened(gan, gan);
      }
      case "rr" -> {
        RenderRepair repair = RenderRepair.open(repairModel, renderer());
        yield new Opened(repair, repair);
      }
      default ->
          throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(this),
              "unknown --method '" + method + "': use 3d, gan or rr");
    };
  }
}
