package facegate.eval;

import java.util.Arrays;
import java.util.List;

/** Turns per-probe ranks and top scores into CMC and open-set rates. */
final class OpenSetRates {
  private OpenSetRates() {}

  /**
   * @param mates per mate probe {@code {rank, topScore}}: rank 0 means the right person came first;
   *     -1 means not found (no face, or the person is not enrolled)
   * @param distractorTop the top candidate score of each distractor probe; -infinity for none
   */
  static IdentificationReport report(
      int enrolled,
      int enrollFailures,
      List<double[]> mates,
      double[] distractorTop,
      double threshold,
      int probeFailures) {
    double[] cmc = new double[Math.max(1, enrolled)];
    for (double[] mate : mates) {
      int rank = (int) mate[0];
      for (int r = Math.max(0, rank); rank >= 0 && r < cmc.length; r++) {
        cmc[r]++;
      }
    }
    for (int r = 0; r < cmc.length; r++) {
      cmc[r] = mates.isEmpty() ? 0 : cmc[r] / mates.size();
    }
    double thresholdAtFpir = thresholdAtFpir(distractorTop, 0.01);
    return new IdentificationReport(
        enrolled,
        enrollFailures,
        mates.size(),
        distractorTop.length,
        cmc,
        threshold,
        dir(mates, threshold),
        fpir(distractorTop, threshold),
        thresholdAtFpir,
        dir(mates, thresholdAtFpir),
        probeFailures,
        curve(mates, distractorTop));
  }

  /**
   * DIR against FPIR at every threshold a distractor score sets (each threshold a hair above a
   * distractor's top score), from the strictest (FPIR 0) to the loosest.
   */
  static OpenSetCurve curve(List<double[]> mates, double[] distractorTop) {
    double[] candidates =
        Arrays.stream(distractorTop).filter(Double::isFinite).distinct().sorted().toArray();
    int points = candidates.length + 1;
    double[] thresholds = new double[points];
    double[] fpir = new double[points];
    double[] dir = new double[points];
    int last = candidates.length - 1;
    for (int k = 0; k < points; k++) {
      // above the k-th highest distractor score; the last point accepts every finite one
      double threshold =
          k < candidates.length
              ? Math.nextUp(candidates[last - k])
              : candidates.length == 0 ? Double.NEGATIVE_INFINITY : candidates[0];
      thresholds[k] = threshold;
      fpir[k] = fpir(distractorTop, threshold);
      dir[k] = dir(mates, threshold);
    }
    return new OpenSetCurve(thresholds, fpir, dir);
  }

  /** Mate probes identified first with a score of at least {@code threshold}. */
  static double dir(List<double[]> mates, double threshold) {
    if (mates.isEmpty()) {
      return 0;
    }
    long hits = mates.stream().filter(m -> m[0] == 0 && m[1] >= threshold).count();
    return (double) hits / mates.size();
  }

  /** Distractor probes whose top candidate scores at least {@code threshold}. */
  static double fpir(double[] distractorTop, double threshold) {
    if (distractorTop.length == 0) {
      return 0;
    }
    return (double) Arrays.stream(distractorTop).filter(s -> s >= threshold).count()
        / distractorTop.length;
  }

  /** The lowest threshold (a hair above a distractor score) whose FPIR is at most {@code rate}. */
  static double thresholdAtFpir(double[] distractorTop, double rate) {
    double[] sorted = distractorTop.clone();
    Arrays.sort(sorted);
    int allowed = (int) Math.floor(rate * sorted.length);
    int index = sorted.length - 1 - allowed;
    if (index < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return Math.nextUp(sorted[index]);
  }
}
