package facegate.pose;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Everything that decides a render-repair run ({@link RepairTrainer}); written into the generator's
 * {@code model.json}.
 *
 * @param imageSize side of the repaired faces in pixels (divisible by 8; the identity network must
 *     take this size)
 * @param baseChannels channels of the generator's first layer (the discriminator's too)
 * @param residualBlocks residual blocks at the U-Net's bottom
 * @param batchSize training pairs per step
 * @param maxSteps steps at most
 * @param maxMinutes wall-clock budget; training stops at the first step past it
 * @param learningRate Adam's rate for both networks (beta1 0.5)
 * @param l1Weight weight of |G(back-render) − photo|
 * @param identityWeight weight of 1 − cos(E(G(back-render)), E(photo)), E frozen
 * @param adversarialWeight weight of the LSGAN generator term (repaired back-renders and turned
 *     views against real photos and real profiles)
 * @param totalVariationWeight weight of the total variation of the repaired images
 * @param profileWeight weight of the real-profile identity term ({@link ProfileIdentity}); 0 (and
 *     absent from older manifests) for none
 * @param seed seeds the engine, the faces, the target yaws and the profiles drawn
 * @param sampleEvery steps between sample grids and checkpoints
 */
public record RepairConfig(
    int imageSize,
    int baseChannels,
    int residualBlocks,
    int batchSize,
    int maxSteps,
    double maxMinutes,
    float learningRate,
    float l1Weight,
    float identityWeight,
    float adversarialWeight,
    float totalVariationWeight,
    float profileWeight,
    long seed,
    int sampleEvery) {
  public RepairConfig {
    if (imageSize < 8 || imageSize % 8 != 0) {
      throw new IllegalArgumentException("image size must be a multiple of 8: " + imageSize);
    }
    if (baseChannels < 1 || residualBlocks < 0 || batchSize < 1) {
      throw new IllegalArgumentException("channels, blocks or batch size out of range");
    }
    if (maxSteps < 1 || sampleEvery < 1 || !(maxMinutes > 0) || !(learningRate > 0)) {
      throw new IllegalArgumentException(
          "steps, sample interval, budget and rate must be positive");
    }
    if (!(l1Weight >= 0)
        || !(identityWeight >= 0)
        || !(adversarialWeight >= 0)
        || !(totalVariationWeight >= 0)
        || !(profileWeight >= 0)) {
      throw new IllegalArgumentException("loss weights must be >= 0");
    }
  }

  /** This config as JSON (for the manifest). */
  public JsonObject toJson() {
    return new Gson().toJsonTree(this).getAsJsonObject();
  }

  /** The config a manifest's JSON holds. */
  public static RepairConfig fromJson(JsonObject json) {
    return new Gson().fromJson(json, RepairConfig.class);
  }
}
