package facegate.train;

import java.util.Arrays;

/**
 * Statistics of per-fold results: mean and sample standard deviation, and the mean paired
 * difference of two variants over the same folds with its 95 % Student-t interval. NaN folds (a
 * collapsed run) are left out, pairwise for differences.
 */
public final class PairedFolds {
  /** Two-sided 95 % quantiles of Student's t for 1 to 10 degrees of freedom. */
  private static final double[] T975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228
  };

  private PairedFolds() {}

  /** {mean, sd, n} of the finite values; sd is NaN for fewer than two. */
  public static double[] meanSd(double[] values) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
    int n = finite.length;
    double mean = Arrays.stream(finite).average().orElse(Double.NaN);
    double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
    return new double[] {mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)), n};
  }

  /**
   * {mean difference b − a, lower and upper 95 % bound, n} over folds where both are finite; the
   * bounds are NaN for fewer than two folds (or more than 11).
   */
  public static double[] difference(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "one value per fold in both: " + a.length + ", " + b.length);
    }
    double[] differences = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      differences[i] = b[i] - a[i];
    }
    double[] stats = meanSd(differences);
    int n = (int) stats[2];
    double half = n < 2 || n - 1 > T975.length ? Double.NaN : T975[n - 2] * stats[1] / Math.sqrt(n);
    return new double[] {stats[0], stats[0] - half, stats[0] + half, n};
  }
}
