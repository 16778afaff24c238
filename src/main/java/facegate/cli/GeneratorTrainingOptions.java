package facegate.cli;

import com.google.gson.JsonObject;
import facegate.embed.TrainableNetwork;
import facegate.train.FaceSample;
import facegate.train.TrainingManifest;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options and set-up {@code train-gan} and {@code train-repair} share: output folder, the
 * frozen identity network, the generator's size, step budget, Adam rate and seed; the manifest
 * fields every generator records; loading the identity network. Options whose defaults differ
 * between the two (batch, minutes, sample interval) stay in the commands.
 */
final class GeneratorTrainingOptions {
  @Option(names = "--out", required = true, description = "Output generator folder.")
  Path out;

  @Option(
      names = "--identity-model",
      defaultValue = "models/scratch",
      description =
          "Frozen embedding network of the identity loss; it must take --image-size px"
              + " (default: ${DEFAULT-VALUE}).")
  Path identityModel;

  @Option(names = "--image-size", defaultValue = "64", description = "Side in px (default: 64).")
  int imageSize;

  @Option(names = "--base-channels", defaultValue = "16", description = "Default: 16.")
  int baseChannels;

  @Option(names = "--residual-blocks", defaultValue = "3", description = "Default: 3.")
  int residualBlocks;

  @Option(names = "--max-steps", defaultValue = "4000", description = "Default: 4000.")
  int maxSteps;

  @Option(names = "--lr", defaultValue = "0.0002", description = "Adam rate (default: 0.0002).")
  float learningRate;

  @Option(names = "--seed", defaultValue = "1", description = "Default: 1.")
  long seed;

  /**
   * The manifest fields of a generator trained on {@code samples}: data hash, commit, crop-cache
   * fingerprint, identity network and licence.
   */
  JsonObject manifest(DatasetOptions datasets, List<FaceSample> samples) {
    JsonObject manifest = new JsonObject();
    manifest.addProperty("dataHash", TrainingManifest.dataHash(samples));
    manifest.addProperty("gitCommit", GitCommit.head());
    manifest.addProperty("cropCacheFingerprint", datasets.fingerprint());
    manifest.addProperty("identityModel", identityModel.toString());
    manifest.addProperty(
        "licence",
        "facegate's own weights, trained here on "
            + String.join(", ", datasets.sources().stream().map(s -> s.name()).toList())
            + " (research data; see LICENSE)");
    return manifest;
  }

  /** The frozen identity network, on the CPU; the caller closes it. */
  TrainableNetwork identityNetwork() {
    return TrainableNetwork.load(identityModel, ai.djl.Device.cpu());
  }
}
