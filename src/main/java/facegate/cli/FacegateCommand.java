package facegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code facegate} command line: one fat jar, one subcommand per job. */
@Command(
    name = "facegate",
    mixinStandardHelpOptions = true,
    version = "facegate 0.1.0",
    description = "Face verification and identification.",
    subcommands = {
      ServeCommand.class,
      EnrollCommand.class,
      VerifyCommand.class,
      IdentifyCommand.class,
      EmbedCommand.class,
      EvalCommand.class,
      IdentifyEvalCommand.class,
      DetectRateCommand.class,
      ConvertFaceApiCommand.class,
      CalibrateCommand.class,
      AuditCommand.class,
      PoseCommand.class,
      TrainGanCommand.class,
      TrainRepairCommand.class,
      TurnEvalCommand.class,
      GanEvalCommand.class,
      PoseAugmentationExperiment.Group.class,
      PoseShapeCommand.class,
      AugmentCommand.class,
      CrashTestCommand.class,
      CropsCommand.class,
      TrainCommand.class,
      FinetuneCfpCommand.class,
      BenchCommand.class,
      FuzzCommand.class,
      SoakCommand.class,
      PoseEnrollEvalCommand.class,
      LandmarkErrorCommand.class,
      ProfileTemplateCommand.class,
      BuildCohortCommand.class,
      PopulationCheckCommand.class,
      LivenessEvalCommand.class,
      LivenessBenchCommand.class
    })
public final class FacegateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Nothing may download at run time: DJL uses the native library shipped in the jar.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    // One PyTorch thread per inference call: facegate runs calls in parallel (threads, pools),
    // and two-thread calls on two cores contend badly (measured: batch 1 ran 10x slower).
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", "1");
    }
    // Likewise one OpenCV thread per cascade search (unless OPENCV_FOR_THREADS_NUM says
    // otherwise): requests already run in parallel (measured: verify at concurrency 4, 17.2
    // instead of 15.9 requests/s).
    if (System.getenv("OPENCV_FOR_THREADS_NUM") == null) {
      org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
    }
    // Keep PyTorch's activations mapped between passes (measured: a faster, steadier forward).
    facegate.embed.NativeAllocator.tune();
    System.exit(new CommandLine(new FacegateCommand()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
