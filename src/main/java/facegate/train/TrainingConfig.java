package facegate.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything that decides a training run; written into the manifest.
 *
 * @param baseModel model folder to fine-tune, or null to train {@code architecture} from scratch
 * @param architecture the from-scratch architecture id (ignored when fine-tuning)
 * @param inputSize the from-scratch input side in pixels (ignored when fine-tuning)
 * @param miner how triplets are chosen
 * @param softMargin soft-margin loss instead of the hinge
 * @param margin the hinge margin on squared distances of unit vectors (0-4)
 * @param identitiesPerBatch P
 * @param imagesPerIdentity K
 * @param maxSteps steps at most (also the length of the cosine learning-rate schedule)
 * @param maxMinutes wall-clock budget; training stops at the first step past it
 * @param learningRate Adam's peak learning rate (head and from-scratch networks)
 * @param backboneLearningRateFactor backbone learning rate as a fraction of {@code learningRate}
 *     when fine-tuning (1 from scratch)
 * @param frozenStages residual stages frozen when fine-tuning (0 = none)
 * @param augmentation the augmentation policy name
 * @param seed seeds the engine, the split, the sampler and the augmentation
 * @param validationEvery steps between validations (and checkpoints)
 * @param patience validations without improvement before early stopping
 * @param validationFraction fraction of the identities held aside for validation
 * @param validationPairs same-person pairs (and as many different-person ones) validated on
 */
public record TrainingConfig(
    Path baseModel,
    String architecture,
    int inputSize,
    TripletMiner miner,
    boolean softMargin,
    float margin,
    int identitiesPerBatch,
    int imagesPerIdentity,
    int maxSteps,
    double maxMinutes,
    float learningRate,
    float backboneLearningRateFactor,
    int frozenStages,
    String augmentation,
    long seed,
    int validationEvery,
    int patience,
    double validationFraction,
    int validationPairs) {
  public TrainingConfig {
    Objects.requireNonNull(miner, "miner");
    Objects.requireNonNull(augmentation, "augmentation");
    if (maxSteps < 1 || validationEvery < 1 || patience < 1 || validationPairs < 1) {
      throw new IllegalArgumentException("steps, validation interval and patience must be >= 1");
    }
    if (!(learningRate > 0) || !(backboneLearningRateFactor >= 0) || !(maxMinutes > 0)) {
      throw new IllegalArgumentException("learning rates and the time budget must be positive");
    }
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validation fraction must be in (0, 1)");
    }
  }

  /** The loss's name in reports: batch-all, batch-hard, semi-hard, or soft-margin (batch-hard). */
  public String objective() {
    String miner = this.miner.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return softMargin ? "soft-margin-" + miner : miner;
  }
}
