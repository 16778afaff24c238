package facegate.train;

import java.util.Arrays;

/**
 * Verification accuracy of cosine scores: the accuracy-optimal threshold on one set of pairs, and
 * the accuracy of a threshold on another. A pair is a match when {@code score >= threshold}; a NaN
 * score (a face not found) is never a match.
 */
public final class ThresholdAccuracy {
  private ThresholdAccuracy() {}

  /** The threshold (a midpoint between sorted scores) with the highest accuracy. */
  public static double bestThreshold(double[] scores, boolean[] same) {
    double[] sorted = Arrays.stream(scores).filter(s -> !Double.isNaN(s)).sorted().toArray();
    if (sorted.length == 0) {
      return 1;
    }
    double best = sorted[0] - 1e-6;
    double bestAccuracy = accuracy(scores, same, best);
    for (int i = 0; i < sorted.length; i++) {
      double threshold = i + 1 < sorted.length ? (sorted[i] + sorted[i + 1]) / 2 : sorted[i] + 1e-6;
      double accuracy = accuracy(scores, same, threshold);
      if (accuracy > bestAccuracy) {
        bestAccuracy = accuracy;
        best = threshold;
      }
    }
    return best;
  }

  /** Fraction of pairs classified right at {@code threshold}; 0 for no pairs. */
  public static double accuracy(double[] scores, boolean[] same, double threshold) {
    if (scores.length == 0) {
      return 0;
    }
    int right = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean match = !Double.isNaN(scores[i]) && scores[i] >= threshold;
      if (match == same[i]) {
        right++;
      }
    }
    return (double) right / scores.length;
  }
}
