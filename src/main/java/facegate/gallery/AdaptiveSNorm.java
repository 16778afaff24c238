package facegate.gallery;

import java.util.Arrays;

/**
 * Adaptive symmetric score normalisation (adaptive S-norm) of a cosine score against a cohort: each
 * face of a pair is described by the mean and standard deviation of its {@code k} highest cosine
 * similarities to the cohort, and the pair's score is standardised by both:
 *
 * <pre>
 *   normalised = ((s - mean_a) / sd_a + (s - mean_b) / sd_b) / 2
 * </pre>
 *
 * <p>A face that resembles many cohort faces (a crowded part of the embedding space, e.g. a
 * population the network separates poorly) needs a higher raw score to reach the same normalised
 * score. The standard deviation is the population one (divided by {@code k}), floored at {@link
 * #MIN_DEVIATION} so that a cohort of identical scores cannot divide by zero.
 */
public final class AdaptiveSNorm {
  /**
   * The smallest standard deviation used; a smaller one (e.g. all scores equal) is raised to it.
   */
  public static final double MIN_DEVIATION = 1e-3;

  private AdaptiveSNorm() {}

  /**
   * One face's cohort statistics.
   *
   * @param mean mean of its top-k cohort similarities, finite
   * @param deviation their standard deviation, at least {@link #MIN_DEVIATION}
   */
  public record Statistics(double mean, double deviation) {
    public Statistics {
      if (!Double.isFinite(mean) || !(deviation >= MIN_DEVIATION) || Double.isInfinite(deviation)) {
        throw new IllegalArgumentException(
            "cohort statistics need a finite mean and a deviation >= "
                + MIN_DEVIATION
                + ": "
                + mean
                + ", "
                + deviation);
      }
    }
  }

  /**
   * The statistics of the {@code topK} highest of {@code cohortScores} (all of them when there are
   * fewer).
   *
   * @param cohortScores cosine similarities of one face to the cohort, any order, all finite; at
   *     least two
   * @param topK at least 2
   * @throws IllegalArgumentException for fewer than two scores, {@code topK < 2} or a non-finite
   *     score
   */
  public static Statistics statistics(double[] cohortScores, int topK) {
    if (topK < 2) {
      throw new IllegalArgumentException("topK must be at least 2: " + topK);
    }
    if (cohortScores.length < 2) {
      throw new IllegalArgumentException(
          "a cohort needs at least 2 scores, got " + cohortScores.length);
    }
    double[] sorted = cohortScores.clone();
    Arrays.sort(sorted);
    int n = Math.min(topK, sorted.length);
    double sum = 0;
    for (int i = sorted.length - n; i < sorted.length; i++) {
      if (!Double.isFinite(sorted[i])) {
        throw new IllegalArgumentException("cohort score is not finite: " + sorted[i]);
      }
      sum += sorted[i];
    }
    double mean = sum / n;
    double squares = 0;
    for (int i = sorted.length - n; i < sorted.length; i++) {
      squares += (sorted[i] - mean) * (sorted[i] - mean);
    }
    return new Statistics(mean, Math.max(MIN_DEVIATION, Math.sqrt(squares / n)));
  }

  /** The normalised score of a pair with cosine {@code score} and cohort statistics a and b. */
  public static double normalize(double score, Statistics a, Statistics b) {
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score is not finite: " + score);
    }
    return ((score - a.mean()) / a.deviation() + (score - b.mean()) / b.deviation()) / 2;
  }
}
