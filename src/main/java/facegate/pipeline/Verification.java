package facegate.pipeline;

import facegate.pose.FaceView;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The answer to "are these the same person?".
 *
 * @param match whether the decision's score reaches {@code threshold}: the normalised score when
 *     there is one, otherwise {@code score}
 * @param score cosine similarity of the two faces (for an enrolled person: with their best
 *     template), in [-1, 1]
 * @param threshold the threshold the decision used: on normalised scores when {@code
 *     normalizedScore} is present, otherwise a cosine
 * @param normalizedScore the cohort-normalised score (adaptive S-norm), empty when the service does
 *     not normalise
 * @param rawThreshold the cosine threshold a decision on {@code score} alone would use
 * @param view the (first) photo's face view
 * @param otherView the second photo's face view when two photos were compared; null when the photo
 *     was compared with an enrolled person
 */
public record Verification(
    boolean match,
    double score,
    double threshold,
    OptionalDouble normalizedScore,
    double rawThreshold,
    FaceView view,
    FaceView otherView) {
  public Verification {
    Objects.requireNonNull(normalizedScore, "normalizedScore");
    Objects.requireNonNull(view, "view");
    if (!Double.isFinite(score)
        || !Double.isFinite(threshold)
        || !Double.isFinite(rawThreshold)
        || (normalizedScore.isPresent() && !Double.isFinite(normalizedScore.getAsDouble()))) {
      throw new IllegalArgumentException("scores and thresholds must be finite");
    }
  }

  /** A decision whose faces' views are not known (yet: see {@link #withViews}). */
  public Verification(
      boolean match,
      double score,
      double threshold,
      OptionalDouble normalizedScore,
      double rawThreshold) {
    this(match, score, threshold, normalizedScore, rawThreshold, FaceView.UNKNOWN, null);
  }

  /** This decision with the faces' views; {@code otherView} null for an enrolled person. */
  public Verification withViews(FaceView view, FaceView otherView) {
    return new Verification(
        match, score, threshold, normalizedScore, rawThreshold, view, otherView);
  }

  /** A decision on the cosine alone. */
  public Verification(boolean match, double score, double threshold) {
    this(match, score, threshold, OptionalDouble.empty(), threshold);
  }
}
