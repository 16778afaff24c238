package facegate.pipeline;

import facegate.core.FaceBox;
import java.util.Objects;

/**
 * The liveness check's answer for a photo's largest face.
 *
 * @param score in [0, 1]: how likely the face is live
 * @param threshold the score a live face needs, in [0, 1]
 * @param region the part of the photo the check looked at, in image pixels
 */
public record LivenessDecision(double score, double threshold, FaceBox region) {
  public LivenessDecision {
    if (!(score >= 0 && score <= 1) || !(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("score and threshold must lie in [0, 1]");
    }
    Objects.requireNonNull(region, "region");
  }

  /** Live when the score reaches the threshold. */
  public boolean live() {
    return score >= threshold;
  }
}
