package facegate.pipeline;

import facegate.embed.TfjsImageNetwork;
import facegate.liveness.NetworkLivenessDetector;
import java.nio.file.Path;

/** Loads the imported liveness networks (human-models' {@code antispoof} and {@code liveness}). */
public final class LivenessNetworks {
  private LivenessNetworks() {}

  /**
   * The detector over the TFJS graph model in {@code folder} (e.g. {@code
   * models/liveness-antispoof}): output {@code Identity}, input the crop's pixels / 255, as human
   * feeds its face tensor.
   *
   * @throws facegate.core.FaceException MODEL_NOT_FOUND without exactly one model {@code .json},
   *     MODEL_INVALID
   */
  public static NetworkLivenessDetector load(Path folder, double cropScale) {
    TfjsImageNetwork network =
        TfjsImageNetwork.load(MediaPipeDetectors.modelJson(folder), "Identity", 1 / 255f, 0f);
    try {
      return new NetworkLivenessDetector(network, cropScale);
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }
}
