package facegate.eval;

import java.util.Locale;

/**
 * One-shot open-set identification results.
 *
 * @param enrolled people enrolled (one image each)
 * @param enrollFailures people with no face found in their enrollment image (not enrolled; their
 *     probes count as misses)
 * @param mateProbes probes of enrolled people (or people whose enrollment failed)
 * @param distractorProbes probes of people never enrolled
 * @param cmc cumulative match characteristic over every rank up to the gallery size: {@code cmc[r]}
 *     is the fraction of mate probes whose person is among the top {@code r + 1} candidates
 * @param threshold the operating threshold the open-set rates are given at
 * @param dirAtThreshold detection and identification rate: mate probes whose top candidate is right
 *     and scores at least {@code threshold}
 * @param fpirAtThreshold false positive identification rate: distractor probes whose top candidate
 *     scores at least {@code threshold}
 * @param thresholdAtFpir1e2 the lowest threshold with FPIR at most 1%
 * @param dirAtFpir1e2 DIR at that threshold
 * @param probeFailures probes with no face found (misses if mates, rejections if distractors)
 * @param openSet DIR against FPIR over thresholds
 */
public record IdentificationReport(
    int enrolled,
    int enrollFailures,
    int mateProbes,
    int distractorProbes,
    double[] cmc,
    double threshold,
    double dirAtThreshold,
    double fpirAtThreshold,
    double thresholdAtFpir1e2,
    double dirAtFpir1e2,
    int probeFailures,
    OpenSetCurve openSet) {

  public IdentificationReport {
    cmc = cmc.clone();
  }

  @Override
  public double[] cmc() {
    return cmc.clone();
  }

  public double rank1() {
    return cmc.length == 0 ? 0 : cmc[0];
  }

  /** The one-line summary {@code identify-eval} ends with. */
  public String summaryLine() {
    return String.format(
        Locale.ROOT,
        "rank1=%.4f rank5=%.4f dir@fpir1e-2=%.4f fpir@threshold=%.4f dir@threshold=%.4f"
            + " threshold=%.4f enrolled=%d mates=%d distractors=%d failures=%d",
        rank1(),
        cmc.length >= 5 ? cmc[4] : Double.NaN,
        dirAtFpir1e2,
        fpirAtThreshold,
        dirAtThreshold,
        threshold,
        enrolled,
        mateProbes,
        distractorProbes,
        probeFailures + enrollFailures);
  }
}
