package facegate.cli;

import facegate.liveness.NetworkLivenessDetector;
import facegate.pipeline.LivenessNetworks;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which liveness check a command measures: the texture model (default) or one of the imported
 * human-models networks, stored under {@code models/liveness-<name>}, and the crop it reads.
 */
final class LivenessNetworkOptions {
  /** The checks that can be measured. */
  enum Network {
    texture,
    antispoof,
    livenessnet
  }

  @Option(
      names = "--network",
      defaultValue = "texture",
      description = "liveness check: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  Network network = Network.texture;

  @Option(
      names = "--network-crop",
      defaultValue = "1.0",
      description =
          "for a network: its square crop as a multiple of the face box's side"
              + " (default ${DEFAULT-VALUE})")
  double networkCrop = 1.0;

  @Option(
      names = "--network-models",
      defaultValue = "models",
      description = "folder holding liveness-<network> (default ${DEFAULT-VALUE})")
  Path modelsDir = Path.of("models");

  boolean texture() {
    return network == Network.texture;
  }

  /** The folder of the chosen network; an {@link IllegalStateException} for the texture check. */
  Path folder() {
    if (texture()) {
      throw new IllegalStateException("the texture check is not a network");
    }
    return modelsDir.resolve("liveness-" + network.name());
  }

  /** The chosen network's detector (the caller closes it). */
  NetworkLivenessDetector open() {
    return LivenessNetworks.load(folder(), networkCrop);
  }

  /** A short description for reports. */
  String describe() {
    return texture()
        ? "texture liveness (LBP YCbCr + logistic regression)"
        : "human-models " + network + " network, crop " + networkCrop + "x the face box";
  }
}
