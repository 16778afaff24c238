package facegate.pose;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Everything that decides a pose GAN run; written into the generator's {@code model.json}.
 *
 * @param imageSize side of the generated faces in pixels (divisible by 16; the identity network
 *     must take this size)
 * @param baseChannels channels of the generator's first layer (the discriminator's too)
 * @param residualBlocks residual blocks in the generator's bottleneck
 * @param domains pose domains, {@link PoseBucket#values()} in order
 * @param batchSize real faces per step
 * @param maxSteps steps at most
 * @param maxMinutes wall-clock budget; training stops at the first step past it
 * @param learningRate Adam's learning rate, both networks (beta1 0.5, as StarGAN)
 * @param classificationWeight weight of the domain classification losses
 * @param reconstructionWeight weight of the cycle loss |G(G(x, c), c_source) − x|
 * @param identityWeight weight of the identity loss 1 − cos(E(G(x, c)), E(x)), E frozen
 * @param seed seeds the engine, the sampling of faces and target domains, and the flips
 * @param sampleEvery steps between sample grids (and checkpoints)
 */
public record PoseGanConfig(
    int imageSize,
    int baseChannels,
    int residualBlocks,
    int domains,
    int batchSize,
    int maxSteps,
    double maxMinutes,
    float learningRate,
    float classificationWeight,
    float reconstructionWeight,
    float identityWeight,
    long seed,
    int sampleEvery) {
  public PoseGanConfig {
    if (imageSize < 16 || imageSize % 16 != 0) {
      throw new IllegalArgumentException("image size must be a multiple of 16: " + imageSize);
    }
    if (baseChannels < 1 || residualBlocks < 0 || domains < 2 || batchSize < 2) {
      throw new IllegalArgumentException("channels, blocks, domains or batch size out of range");
    }
    if (maxSteps < 1 || sampleEvery < 1 || !(maxMinutes > 0) || !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "steps, sample interval, budget and rate must be positive");
    }
    if (!(classificationWeight >= 0) || !(reconstructionWeight >= 0) || !(identityWeight >= 0)) {
      throw new IllegalArgumentException("loss weights must be >= 0");
    }
  }

  /** The defaults used for the shipped generator, at {@code imageSize}. */
  public static PoseGanConfig defaults(int imageSize) {
    return new PoseGanConfig(
        imageSize, 16, 3, PoseBucket.values().length, 16, 4000, 40, 2e-4f, 1, 10, 5, 1, 250);
  }

  /** This config as JSON (for the manifest). */
  public JsonObject toJson() {
    return new Gson().toJsonTree(this).getAsJsonObject();
  }

  /** The config a manifest's JSON holds. */
  public static PoseGanConfig fromJson(JsonObject json) {
    return new Gson().fromJson(json, PoseGanConfig.class);
  }
}
