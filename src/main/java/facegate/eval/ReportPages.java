package facegate.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The HTML reports of the evaluation commands: {@code verification.html} (with {@code roc.png},
 * {@code det.png}, {@code scores.png}) and {@code identification.html} (with {@code cmc.png},
 * {@code open-set.png}).
 */
public final class ReportPages {
  public static final String VERIFICATION_PAGE = "verification.html";
  public static final String IDENTIFICATION_PAGE = "identification.html";
  private static final int[] CMC_RANKS = {1, 2, 3, 5, 10, 20, 50, 100, 200, 500};

  private ReportPages() {}

  /**
   * Writes the verification report of {@code result} into {@code dir}.
   *
   * @param methods the cosine threshold and the pair classifiers ({@link PairClassifiers#compare})
   * @param protocol what was evaluated, e.g. the pairs file
   * @return the page's path
   */
  public static Path writeVerification(
      Path dir,
      PairsEvaluation.Result result,
      List<PairClassifiers.MethodResult> methods,
      String protocol,
      HtmlReport.RunInfo info) {
    VerificationReport report = result.report();
    Roc roc = Roc.of(result.scores(), result.same());
    HtmlReport page = new HtmlReport("Verification: " + protocol, info);
    page.heading("Summary");
    page.table(
        List.of("metric", "value"),
        List.of(
            row(
                "accuracy (mean ± sd over folds)",
                percent(report.accuracy(), report.accuracyStd())),
            row(
                "folds (threshold chosen on the other folds)",
                report.folds()
                    + (report.crossValidated()
                        ? ""
                        : " (not cross-validated: threshold chosen on the fold itself)")),
            row("mean threshold", number(report.meanThreshold())),
            row(
                "TAR @ FAR 1e-2",
                number(report.tarAtFar1e2())
                    + " (threshold "
                    + number(roc.thresholdAtFar(1e-2))
                    + ")"),
            row(
                "TAR @ FAR 1e-3",
                number(report.tarAtFar1e3())
                    + " (threshold "
                    + number(roc.thresholdAtFar(1e-3))
                    + ")"),
            row("EER", number(report.eer())),
            row("AUC", number(report.auc())),
            row("pairs", Integer.toString(report.pairs())),
            row("failures (no face; scored as mismatches)", Integer.toString(report.failures()))));
    page.paragraph(
        "TAR@FAR, EER and AUC are computed over all pairs pooled; accuracy per fold at a threshold"
            + " chosen on the other folds.");
    page.heading("Per fold");
    List<String> header = new ArrayList<>(List.of("fold", "threshold"));
    methods.forEach(method -> header.add("accuracy: " + method.method()));
    methods.stream().skip(1).forEach(method -> header.add("L2: " + method.method()));
    List<List<String>> rows = new ArrayList<>();
    double[] thresholds = report.foldThresholds();
    for (int fold = 0; fold < report.folds(); fold++) {
      List<String> cells =
          new ArrayList<>(List.of(Integer.toString(fold + 1), number(thresholds[fold])));
      for (PairClassifiers.MethodResult method : methods) {
        cells.add(percent(method.foldAccuracies()[fold]));
      }
      for (PairClassifiers.MethodResult method : methods.subList(1, methods.size())) {
        cells.add(String.format(Locale.ROOT, "%g", method.foldPenalties()[fold]));
      }
      rows.add(cells);
    }
    page.table(header, rows);
    page.heading("Threshold against pair classifiers");
    page.paragraph(
        "Each classifier is trained on the pairs of the other folds (L2-regularised logistic"
            + " regression, Newton's method, standardised features; the penalty of each fold"
            + " chosen by leave-one-fold-out cross-validation within its training folds) and"
            + " tested on the fold; pairs with a missing face count as 'different'.");
    List<List<String>> comparison = new ArrayList<>();
    for (PairClassifiers.MethodResult method : methods) {
      comparison.add(row(method.method(), percent(method.mean(), method.standardDeviation())));
    }
    page.table(List.of("method", "accuracy (mean ± sd over folds)"), comparison);
    page.heading("Plots");
    page.image("roc.png", "ROC", EvaluationCharts.roc(roc, "ROC"));
    page.image("det.png", "DET", EvaluationCharts.det(roc, "DET"));
    page.image(
        "scores.png",
        "Score distributions, mean threshold marked",
        EvaluationCharts.scoreHistogram(
            result.scores(), result.same(), report.meanThreshold(), "Cosine scores"));
    return page.write(dir, VERIFICATION_PAGE);
  }

  /** Writes the identification report into {@code dir}; returns the page's path. */
  public static Path writeIdentification(
      Path dir, IdentificationReport report, String protocol, HtmlReport.RunInfo info) {
    HtmlReport page = new HtmlReport("One-shot identification: " + protocol, info);
    page.heading("Summary");
    page.table(
        List.of("metric", "value"),
        List.of(
            row("people enrolled (first image each)", Integer.toString(report.enrolled())),
            row("enrollment failures (no face)", Integer.toString(report.enrollFailures())),
            row("mate probes", Integer.toString(report.mateProbes())),
            row(
                "distractor probes (people never enrolled)",
                Integer.toString(report.distractorProbes())),
            row("probe failures (no face)", Integer.toString(report.probeFailures())),
            row("rank-1", percent(report.rank1())),
            row(
                "DIR at FPIR 1%",
                percent(report.dirAtFpir1e2())
                    + " (threshold "
                    + number(report.thresholdAtFpir1e2())
                    + ")"),
            row(
                "FPIR at the operating threshold " + number(report.threshold()),
                percent(report.fpirAtThreshold())),
            row(
                "DIR at the operating threshold " + number(report.threshold()),
                percent(report.dirAtThreshold()))));
    page.heading("Cumulative match characteristic");
    double[] cmc = report.cmc();
    List<List<String>> rows = new ArrayList<>();
    for (int rank : CMC_RANKS) {
      if (rank <= cmc.length) {
        rows.add(row(Integer.toString(rank), percent(cmc[rank - 1])));
      }
    }
    page.table(List.of("rank", "identification rate"), rows);
    page.heading("Plots");
    page.image("cmc.png", "CMC", EvaluationCharts.cmc(cmc, "CMC"));
    page.image(
        "open-set.png",
        "Open-set: DIR against FPIR",
        EvaluationCharts.openSet(report.openSet(), "Open-set identification"));
    return page.write(dir, IDENTIFICATION_PAGE);
  }

  private static List<String> row(String name, String value) {
    return List.of(name, value);
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * rate);
  }

  static String percent(double rate, double sd) {
    return String.format(Locale.ROOT, "%.2f%% ± %.2f", 100 * rate, 100 * sd);
  }
}
