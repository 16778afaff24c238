package facegate.train;

import java.util.Objects;

/**
 * The fine-tuning recipe of the dlib ResNet's tail (stage 4 and head, trunk frozen).
 *
 * @param identitiesPerBatch P, at least 2
 * @param imagesPerIdentity K, at least 2 (half of them profiles where the identity has any)
 * @param margin triplet hinge margin on squared distances of unit vectors, at least 0
 * @param learningRate Adam's learning rate, positive
 * @param warmupMiner the miner of the first {@code warmupSteps} steps (e.g. semi-hard)
 * @param warmupSteps steps with {@code warmupMiner}, 0 for none
 * @param miner the miner after the warm-up (e.g. batch-hard)
 * @param steps steps in all, at least 1
 * @param distillationWeight weight of {@link DistillationLoss} on frontal rows, at least 0
 * @param seed seeds the engine, the sampler and the mirror draws
 */
public record TailTrainingConfig(
    int identitiesPerBatch,
    int imagesPerIdentity,
    float margin,
    float learningRate,
    TripletMiner warmupMiner,
    int warmupSteps,
    TripletMiner miner,
    int steps,
    float distillationWeight,
    long seed) {
  public TailTrainingConfig {
    Objects.requireNonNull(warmupMiner, "warmupMiner");
    Objects.requireNonNull(miner, "miner");
    if (identitiesPerBatch < 2 || imagesPerIdentity < 2 || steps < 1 || warmupSteps < 0) {
      throw new IllegalArgumentException("need P >= 2, K >= 2, steps >= 1, warm-up >= 0");
    }
    if (!(margin >= 0) || !(learningRate > 0) || !(distillationWeight >= 0)) {
      throw new IllegalArgumentException("need margin >= 0, learning rate > 0, weight >= 0");
    }
  }

  /** This recipe with another seed. */
  public TailTrainingConfig withSeed(long newSeed) {
    return new TailTrainingConfig(
        identitiesPerBatch,
        imagesPerIdentity,
        margin,
        learningRate,
        warmupMiner,
        warmupSteps,
        miner,
        steps,
        distillationWeight,
        newSeed);
  }

  /** The miner of step {@code step} (counting from 1). */
  public TripletMiner minerAt(int step) {
    return step <= warmupSteps ? warmupMiner : miner;
  }

  /**
   * The miners and the other settings, e.g. {@code semi-hard(100)>batch-hard 300st p16k4 lr1e-05
   * m0.20 d1.00} (the seed aside): the variant's name in result tables.
   */
  public String label() {
    return String.format(
        java.util.Locale.ROOT,
        "%s %dst p%dk%d lr%.0e m%.2f d%.2f",
        name(),
        steps,
        identitiesPerBatch,
        imagesPerIdentity,
        learningRate,
        margin,
        distillationWeight);
  }

  /** e.g. {@code semi-hard(100)>batch-hard} or {@code batch-all}. */
  public String name() {
    String main = miner.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    if (warmupSteps == 0) {
      return main;
    }
    String warmup = warmupMiner.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return warmup + "(" + warmupSteps + ")>" + main;
  }
}
