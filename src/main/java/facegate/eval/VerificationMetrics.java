package facegate.eval;

import java.util.Arrays;

/**
 * Computes verification metrics from pair scores (larger means more alike). Scores may be {@code
 * Double.NEGATIVE_INFINITY} for pairs that failed: they never match.
 */
public final class VerificationMetrics {
  private VerificationMetrics() {}

  /**
   * @param scores one per pair
   * @param same whether each pair is of the same person
   * @param folds fold of each pair, 0 to {@code foldCount - 1}
   * @param failures how many pairs failed (reported, already in the scores)
   */
  public static VerificationReport evaluate(
      double[] scores, boolean[] same, int[] folds, int foldCount, int failures) {
    if (scores.length != same.length || scores.length != folds.length || scores.length == 0) {
      throw new IllegalArgumentException("need equally long, non-empty scores, labels and folds");
    }
    double[] accuracies = new double[foldCount];
    double[] thresholds = new double[foldCount];
    for (int fold = 0; fold < foldCount; fold++) {
      final int test = fold;
      boolean[] train = new boolean[scores.length];
      for (int i = 0; i < scores.length; i++) {
        train[i] = foldCount == 1 || folds[i] != test;
      }
      double threshold = bestThreshold(scores, same, train);
      thresholds[fold] = threshold;
      boolean[] inTest = new boolean[scores.length];
      for (int i = 0; i < scores.length; i++) {
        inTest[i] = folds[i] == test;
      }
      accuracies[fold] = accuracy(scores, same, inTest, threshold);
    }
    Roc roc = Roc.of(scores, same);
    return new VerificationReport(
        mean(accuracies),
        standardDeviation(accuracies),
        mean(thresholds),
        roc.tarAtFar(1e-3),
        roc.tarAtFar(1e-2),
        roc.equalErrorRate(),
        roc.auc(),
        scores.length,
        failures,
        foldCount > 1,
        thresholds,
        accuracies);
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  /** Population standard deviation (divides by n), as LFW results are usually reported. */
  static double standardDeviation(double[] values) {
    double mean = mean(values);
    return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
  }

  /** The threshold (accept when score ≥ threshold) maximising accuracy over the selected pairs. */
  static double bestThreshold(double[] scores, boolean[] same, boolean[] selected) {
    double[] candidates =
        java.util.stream.IntStream.range(0, scores.length)
            .filter(i -> selected[i] && Double.isFinite(scores[i]))
            .mapToDouble(i -> scores[i])
            .sorted()
            .distinct()
            .toArray();
    if (candidates.length == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double best = candidates[0];
    double bestAccuracy = -1;
    for (int i = 0; i <= candidates.length; i++) {
      double threshold =
          i == 0
              ? candidates[0] - 1e-6
              : i == candidates.length
                  ? candidates[i - 1] + 1e-6
                  : (candidates[i - 1] + candidates[i]) / 2;
      double accuracy = accuracy(scores, same, selected, threshold);
      if (accuracy > bestAccuracy) {
        bestAccuracy = accuracy;
        best = threshold;
      }
    }
    return best;
  }

  static double accuracy(double[] scores, boolean[] same, boolean[] selected, double threshold) {
    int correct = 0;
    int total = 0;
    for (int i = 0; i < scores.length; i++) {
      if (selected[i]) {
        total++;
        if ((scores[i] >= threshold) == same[i]) {
          correct++;
        }
      }
    }
    return total == 0 ? 0 : (double) correct / total;
  }
}
