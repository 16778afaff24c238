package facegate.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A receiver operating characteristic over scored pairs: for every distinct threshold, the true
 * accept rate (same-person pairs accepted) and false accept rate (different-person pairs accepted),
 * accepting when score ≥ threshold.
 *
 * @param thresholds decreasing; the first accepts nothing
 * @param tar true accept rate at each threshold, increasing
 * @param far false accept rate at each threshold, increasing
 */
public record Roc(double[] thresholds, double[] tar, double[] far) {
  /** Builds the curve; needs at least one same and one different pair. */
  public static Roc of(double[] scores, boolean[] same) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    int positives = 0;
    for (boolean s : same) {
      positives += s ? 1 : 0;
    }
    int negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("need both same-person and different-person pairs");
    }
    double[] thresholds = new double[scores.length + 1];
    double[] tar = new double[scores.length + 1];
    double[] far = new double[scores.length + 1];
    thresholds[0] = Double.POSITIVE_INFINITY;
    int points = 1;
    int truePositives = 0;
    int falsePositives = 0;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      if (same[i]) {
        truePositives++;
      } else {
        falsePositives++;
      }
      boolean lastOfTie = k + 1 == order.length || scores[order[k + 1]] != scores[i];
      if (lastOfTie) {
        thresholds[points] = scores[i];
        tar[points] = (double) truePositives / positives;
        far[points] = (double) falsePositives / negatives;
        points++;
      }
    }
    return new Roc(
        Arrays.copyOf(thresholds, points), Arrays.copyOf(tar, points), Arrays.copyOf(far, points));
  }

  /** The best true accept rate among thresholds whose false accept rate is at most {@code far}. */
  public double tarAtFar(double maxFar) {
    double best = 0;
    for (int i = 0; i < far.length; i++) {
      if (far[i] <= maxFar) {
        best = Math.max(best, tar[i]);
      }
    }
    return best;
  }

  /**
   * The threshold of {@link #tarAtFar}: the lowest one whose false accept rate is within bounds.
   */
  public double thresholdAtFar(double maxFar) {
    double threshold = Double.POSITIVE_INFINITY;
    for (int i = 0; i < far.length; i++) {
      if (far[i] <= maxFar) {
        threshold = thresholds[i];
      }
    }
    return threshold;
  }

  /** The rate where false accepts and false rejects are equal, interpolated between points. */
  public double equalErrorRate() {
    for (int i = 1; i < far.length; i++) {
      double frr = 1 - tar[i];
      if (far[i] >= frr) {
        double previousGap = (1 - tar[i - 1]) - far[i - 1];
        double gap = far[i] - frr;
        double t = previousGap / (previousGap + gap);
        return far[i - 1] + t * (far[i] - far[i - 1]);
      }
    }
    return 0.5;
  }

  /**
   * The detection error tradeoff at each threshold: the false reject rate {@code 1 - tar}, to plot
   * against {@link #far()} (both usually on log axes, where points with a zero rate are left out).
   */
  public double[] frr() {
    double[] frr = new double[tar.length];
    for (int i = 0; i < frr.length; i++) {
      frr[i] = 1 - tar[i];
    }
    return frr;
  }

  /** Area under the curve by the trapezoid rule (ties count half). */
  public double auc() {
    double area = 0;
    for (int i = 1; i < far.length; i++) {
      area += (far[i] - far[i - 1]) * (tar[i] + tar[i - 1]) / 2;
    }
    return area;
  }
}
