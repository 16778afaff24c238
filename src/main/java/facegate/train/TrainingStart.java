package facegate.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.embed.EmbeddingArchitecture;
import facegate.embed.TrainableNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The network a training run starts from and the step it starts at: the checkpoint in {@code
 * out/checkpoint} when resuming (and there is one), else the base model when fine-tuning, else a
 * fresh network of the chosen architecture. The caller closes {@link #network()}.
 *
 * @param network the network to train, on the GPU when there is one
 * @param startStep 0, or the checkpoint's step count when resuming
 */
public record TrainingStart(TrainableNetwork network, int startStep) {
  public TrainingStart {
    if (network == null || startStep < 0) {
      throw new IllegalArgumentException("a network and a step >= 0 are needed: " + startStep);
    }
  }

  /** The checkpoint folder of the run writing to {@code out}. */
  public static Path checkpointOf(Path out) {
    return out.resolve("checkpoint");
  }

  /**
   * Opens the starting network.
   *
   * @param baseModel the model folder to fine-tune, or null to train from scratch
   * @param architecture the from-scratch architecture id (ignored when fine-tuning or resuming)
   * @param inputSize the from-scratch input side in pixels
   */
  public static TrainingStart open(
      Path out, boolean resume, Path baseModel, String architecture, int inputSize) {
    Device device = Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    Path checkpoint = checkpointOf(out);
    if (resume && Files.isRegularFile(checkpoint.resolve("model.json"))) {
      return new TrainingStart(TrainableNetwork.load(checkpoint, device), stepsOf(checkpoint));
    }
    if (baseModel != null) {
      return new TrainingStart(TrainableNetwork.load(baseModel, device), 0);
    }
    return new TrainingStart(
        TrainableNetwork.fresh(EmbeddingArchitecture.byId(architecture), inputSize, device), 0);
  }

  /** The steps recorded in a saved model's training metrics ({@code training.metrics.steps}). */
  static int stepsOf(Path modelDir) {
    try {
      JsonObject card =
          JsonParser.parseString(
                  Files.readString(modelDir.resolve("model.json"), StandardCharsets.UTF_8))
              .getAsJsonObject();
      return card.getAsJsonObject("training").getAsJsonObject("metrics").get("steps").getAsInt();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint in " + modelDir, e);
    }
  }
}
