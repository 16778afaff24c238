package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.pose.KeypointYaw;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TurnEvalCommandTest {
  private static TurnEvalCommand parse(String... extra) {
    TurnEvalCommand command = new TurnEvalCommand();
    String[] required = {"--folder-dataset", "faces", "--poses", "poses.tsv", "--grid", "g.png"};
    String[] args = new String[required.length + extra.length];
    System.arraycopy(required, 0, args, 0, required.length);
    System.arraycopy(extra, 0, args, required.length, extra.length);
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void bothYawEstimatorsByDefaultWithTheShippedConstant() {
    TurnEvalCommand command = parse();
    assertEquals(TurnEvalCommand.YawChoice.both, command.yawEstimator);
    assertEquals(KeypointYaw.SHIPPED_NOSE_DEPTH, command.yawConstant);
  }

  @Test
  void takesOneEstimatorAndAConstant() {
    TurnEvalCommand command = parse("--yaw-estimator", "keypoints", "--yaw-constant", "0.25");
    assertEquals(TurnEvalCommand.YawChoice.keypoints, command.yawEstimator);
    assertEquals(0.25, command.yawConstant);
  }

  @Test
  void takesTheMeshEstimatorAloneOrWithTheOtherTwo() {
    TurnEvalCommand mesh = parse("--yaw-estimator", "mesh");
    assertEquals(TurnEvalCommand.YawChoice.mesh, mesh.yawEstimator);
    assertEquals(
        List.of(false, false, true),
        List.of(
            mesh.yawEstimator.landmarks(),
            mesh.yawEstimator.keypoints(),
            mesh.yawEstimator.mesh()));
    TurnEvalCommand.YawChoice all = parse("--yaw-estimator", "all").yawEstimator;
    assertEquals(List.of(true, true, true), List.of(all.landmarks(), all.keypoints(), all.mesh()));
    TurnEvalCommand.YawChoice both = parse().yawEstimator;
    assertEquals(
        List.of(true, true, false), List.of(both.landmarks(), both.keypoints(), both.mesh()));
    assertEquals(Path.of("models/mediapipe-facemesh"), mesh.meshModel);
  }

  @Test
  void rejectsAnUnknownEstimator() {
    assertThrows(CommandLine.ParameterException.class, () -> parse("--yaw-estimator", "ears"));
  }
}
