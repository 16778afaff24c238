package facegate.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The HTML report of a liveness cross-validation: the error rates at the calibrated thresholds, at
 * fixed APCERs of the pooled out-of-fold scores, per subject, and the DET curve and score
 * histograms. Live faces are the positives: the DET's "false accept rate" is APCER (attacks
 * accepted as live), its "false reject rate" BPCER (live faces refused).
 */
public final class LivenessReport {
  /** The page's file name. */
  public static final String PAGE = "liveness.html";

  private LivenessReport() {}

  /**
   * Writes the report into {@code dir}.
   *
   * @param protocol what was evaluated and how (data, crops, penalty, target)
   * @param notes further lines for the summary (faces not found, timing)
   * @return the page's path
   */
  public static Path write(
      Path dir,
      LivenessEvaluation.Result result,
      String protocol,
      List<String> notes,
      HtmlReport.RunInfo info) {
    HtmlReport page = new HtmlReport("Liveness: " + protocol, info);
    LivenessRates rates = result.calibrated();
    Roc roc = result.roc();
    page.heading("Summary (leave one subject out)");
    page.table(
        List.of("metric", "value"),
        List.of(
            List.of("attacks / live frames", rates.attacks() + " / " + rates.bonaFide()),
            List.of(
                "APCER at calibrated thresholds", count(rates.attacksAccepted(), rates.attacks())),
            List.of(
                "BPCER at calibrated thresholds", count(rates.bonaFideRefused(), rates.bonaFide())),
            List.of("ACER at calibrated thresholds", percent(rates.acer())),
            List.of("EER (pooled out-of-fold scores)", percent(roc.equalErrorRate())),
            List.of("BPCER at APCER 1% (pooled)", percent(result.bpcerAtApcer(0.01))),
            List.of("BPCER at APCER 5% (pooled)", percent(result.bpcerAtApcer(0.05))),
            List.of("threshold calibrated on all subjects", number(result.pooledThreshold()))));
    notes.forEach(page::paragraph);
    page.heading("Per subject (held out, calibrated thresholds)");
    page.table(
        List.of("subject", "threshold", "attacks accepted", "live refused"), perSubject(result));
    page.image(
        "det.png",
        "DET: BPCER (false reject) against APCER (false accept), pooled out-of-fold scores",
        EvaluationCharts.det(roc, "Liveness DET (live = positive)"));
    page.image(
        "scores.png",
        "Out-of-fold liveness scores of live (same) and photo (different) frames",
        EvaluationCharts.scoreHistogram(
            result.scores(), result.live(), result.pooledThreshold(), "Liveness scores"));
    return page.write(dir, PAGE);
  }

  private static List<List<String>> perSubject(LivenessEvaluation.Result result) {
    TreeMap<String, int[]> counts = new TreeMap<>(); // attacks, accepted, live, refused
    TreeMap<String, Double> thresholds = new TreeMap<>();
    for (int i = 0; i < result.scores().length; i++) {
      int[] c = counts.computeIfAbsent(result.subjects()[i], s -> new int[4]);
      thresholds.put(result.subjects()[i], result.thresholds()[i]);
      boolean judgedLive = result.scores()[i] >= result.thresholds()[i];
      if (result.live()[i]) {
        c[2]++;
        c[3] += judgedLive ? 0 : 1;
      } else {
        c[0]++;
        c[1] += judgedLive ? 1 : 0;
      }
    }
    List<List<String>> rows = new ArrayList<>();
    counts.forEach(
        (subject, c) ->
            rows.add(
                List.of(
                    subject,
                    number(thresholds.get(subject)),
                    count(c[1], c[0]),
                    count(c[3], c[2]))));
    return rows;
  }

  static String count(int errors, int total) {
    return String.format(
        Locale.ROOT,
        "%d / %d (%s)",
        errors,
        total,
        total == 0 ? "n/a" : percent((double) errors / total));
  }

  private static String percent(double rate) {
    return ReportPages.percent(rate);
  }

  private static String number(double value) {
    return ReportPages.number(value);
  }
}
