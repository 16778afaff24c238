package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.FaceBox;
import facegate.core.FaceException;
import facegate.core.Liveness;
import facegate.core.RgbImage;
import facegate.liveness.NetworkLivenessDetector;
import facegate.pipeline.LivenessNetworks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --network} of liveness-eval and liveness-bench: parsing and which detector it opens. */
class LivenessNetworkOptionsTest {
  @Test
  void defaultsToTheTextureCheck() {
    LivenessEvalCommand command = new LivenessEvalCommand();
    new CommandLine(command).parseArgs("--data", "d");
    assertTrue(command.check.texture());
    assertEquals(1.0, command.check.networkCrop);
    assertThrows(IllegalStateException.class, command.check::folder);
  }

  @Test
  void selectsANetworkItsFolderAndCrop() {
    LivenessBenchCommand command = new LivenessBenchCommand();
    new CommandLine(command)
        .parseArgs("--data", "d", "--network", "antispoof", "--network-crop", "1.4");
    assertEquals(LivenessNetworkOptions.Network.antispoof, command.check.network);
    assertEquals(Path.of("models/liveness-antispoof"), command.check.folder());
    assertEquals(1.4, command.check.networkCrop);
    assertThrows(
        CommandLine.ParameterException.class,
        () ->
            new CommandLine(new LivenessEvalCommand())
                .parseArgs("--data", "d", "--network", "vgg"));
  }

  @Test
  void opensTheLivenessNetworkOnItsCrop() {
    LivenessEvalCommand command = new LivenessEvalCommand();
    new CommandLine(command).parseArgs("--data", "d", "--network", "livenessnet");
    FaceBox face = new FaceBox(8, 8, 16, 16, 1, FaceBox.View.FRONTAL);
    try (NetworkLivenessDetector detector = command.check.open()) {
      Liveness liveness = detector.assess(new RgbImage(32, 32, new byte[32 * 32 * 3]), face);
      assertTrue(liveness.score() >= 0 && liveness.score() <= 1);
      assertEquals(16, liveness.region().width(), 1e-9);
    }
  }

  @Test
  void aFolderWithoutAModelIsRefused(@TempDir Path empty) {
    assertThrows(FaceException.class, () -> LivenessNetworks.load(empty, 1.0));
  }

  @Test
  void refusesToSaveANetwork() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new FacegateCommand());
    cli.setErr(new PrintWriter(err));
    int exit =
        cli.execute("liveness-eval", "--data", "nowhere", "--network", "antispoof", "--save", "m");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("--save stores a texture model"), err.toString());
  }
}
