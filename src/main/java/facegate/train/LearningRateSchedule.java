package facegate.train;

import ai.djl.training.tracker.ParameterTracker;
import java.util.Set;

/**
 * Linear warm-up over the first {@code warmupSteps}, then cosine decay to 0 at {@code totalSteps};
 * parameters outside {@code headIds} (the backbone, when fine-tuning) get {@code backboneFactor}
 * times the rate.
 */
final class LearningRateSchedule implements ParameterTracker {
  private final float baseRate;
  private final float backboneFactor;
  private final Set<String> headIds;
  private final int warmupSteps;
  private final int totalSteps;

  LearningRateSchedule(
      float baseRate, float backboneFactor, Set<String> headIds, int warmupSteps, int totalSteps) {
    this.baseRate = baseRate;
    this.backboneFactor = backboneFactor;
    this.headIds = Set.copyOf(headIds);
    this.warmupSteps = Math.max(1, warmupSteps);
    this.totalSteps = Math.max(1, totalSteps);
  }

  /** The rate at {@code step} for a head parameter. */
  float rate(int step) {
    if (step < warmupSteps) {
      return baseRate * (step + 1) / warmupSteps;
    }
    double progress = Math.min(1.0, (double) step / totalSteps);
    return (float) (baseRate * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }

  @Override
  public float getNewValue(String parameterId, int numUpdate) {
    float rate = rate(numUpdate);
    return headIds.contains(parameterId) ? rate : rate * backboneFactor;
  }
}
