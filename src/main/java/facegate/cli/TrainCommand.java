package facegate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code train}: placeholder until the loop lands. */
@Command(name = "train", description = "Trains an embedding network.")
final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("train is not built yet");
  }
}
