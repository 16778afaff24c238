package facegate.eval;

import facegate.embed.ModelCalibration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The calibration policy: how measured scores become a model's thresholds. The verifyThreshold is
 * the mean of the per-fold accuracy-optimal thresholds (or the threshold at a chosen FAR), the
 * identifyThreshold the lowest one at a false positive identification rate, the singleViewMargin a
 * quantile of single-view score differences; each comes with its provenance (pairs file, method,
 * summary, time, command). Operating points are named by their rate ({@code far1e-3}).
 */
public final class Calibration {
  private Calibration() {}

  /**
   * The verification calibration of {@code result}: verifyThreshold (accuracy-optimal, or at {@code
   * verifyFar}) and a {@code far<rate>} operating point per rate.
   */
  public static ModelCalibration verification(
      PairsEvaluation.Result result,
      List<Double> fars,
      Double verifyFar,
      String pairsFile,
      String command) {
    VerificationReport report = result.report();
    Roc roc = Roc.of(result.scores(), result.same());
    Map<String, Double> points = new LinkedHashMap<>();
    for (double far : fars) {
      points.put(rateName("far", far), roc.thresholdAtFar(far));
    }
    double verifyThreshold =
        verifyFar == null ? report.meanThreshold() : roc.thresholdAtFar(verifyFar);
    if (!Double.isFinite(verifyThreshold)) {
      throw new IllegalArgumentException(
          "no finite threshold reaches FAR " + verifyFar + " on " + pairsFile);
    }
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("pairs", pairsFile);
    provenance.put("pairCount", Integer.toString(report.pairs()));
    provenance.put("failures", Integer.toString(report.failures()));
    provenance.put(
        "verifyThresholdMethod",
        verifyFar == null
            ? "mean of per-fold accuracy-optimal thresholds"
            : "lowest threshold with FAR <= " + verifyFar + " over all pairs");
    provenance.put("summary", report.summaryLine());
    provenance.put("measuredAt", Instant.now().toString());
    provenance.put("command", command);
    return new ModelCalibration(
        OptionalDouble.of(verifyThreshold),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        points,
        provenance);
  }

  /**
   * {@code verification} plus an identifyThreshold: the lowest threshold whose false positive
   * identification rate on {@code report} is at most {@code fpir}, and its operating point.
   *
   * @throws IllegalArgumentException when no threshold in [-1, 1] reaches {@code fpir}
   */
  public static ModelCalibration withIdentification(
      ModelCalibration verification, IdentificationReport report, double fpir, Path people) {
    double threshold = report.openSet().thresholdAtFpir(fpir);
    if (!(threshold >= -1 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "no identification threshold reaches FPIR "
              + fpir
              + " (distractors: "
              + report.distractorProbes()
              + ")");
    }
    Map<String, Double> points = new LinkedHashMap<>(verification.operatingPoints());
    points.put(rateName("fpir", fpir), threshold);
    Map<String, String> provenance = new LinkedHashMap<>(verification.provenance());
    provenance.put("identifyImages", people.toString());
    provenance.put(
        "identifyThresholdMethod",
        "lowest threshold with FPIR <= " + fpir + " (one-shot gallery, single-image distractors)");
    provenance.put(
        "identifySummary",
        String.format(
            Locale.ROOT,
            "rank1=%.4f dir@fpir=%.4f enrolled=%d mates=%d distractors=%d",
            report.rank1(),
            report.openSet().dirAtFpir(fpir),
            report.enrolled(),
            report.mateProbes(),
            report.distractorProbes()));
    return new ModelCalibration(
        verification.verifyThreshold(),
        OptionalDouble.of(threshold),
        verification.singleViewMargin(),
        points,
        provenance);
  }

  /** {@code calibration} plus the singleViewMargin that {@code report} measured. */
  public static ModelCalibration withSingleView(
      ModelCalibration calibration, SingleViewMargin.Report report) {
    Map<String, String> provenance = new LinkedHashMap<>(calibration.provenance());
    provenance.put(
        "singleViewMarginMethod",
        "quantile "
            + report.quantile()
            + " of |single-view score - full score| over both probe orders of every pair");
    provenance.put("singleViewSummary", describe(report));
    return new ModelCalibration(
        calibration.verifyThreshold(),
        calibration.identifyThreshold(),
        OptionalDouble.of(report.margin()),
        calibration.operatingPoints(),
        provenance);
  }

  /** The line the calibrate command prints about a single-view margin. */
  public static String describe(SingleViewMargin.Report report) {
    return describe("singleViewMargin", report);
  }

  /**
   * {@link #describe(SingleViewMargin.Report)} naming the margin {@code name} (e.g. the normalised
   * one's).
   */
  public static String describe(String name, SingleViewMargin.Report report) {
    return String.format(
        Locale.ROOT,
        "%s=%.4f (quantile %.4f of %d probe-template scores; mean |diff| %.4f, max"
            + " %.4f) cross-validated by fold: second looks %.4f, decisions differing from the"
            + " full embedding's %d (single view alone: %d), accuracy full %.4f / margin rule"
            + " %.4f / single view alone %.4f",
        name,
        report.margin(),
        report.quantile(),
        report.combinations(),
        report.meanAbsDifference(),
        report.maxAbsDifference(),
        report.secondLookRate(),
        report.flips(),
        report.singleOnlyFlips(),
        report.fullAccuracy(),
        report.marginAccuracy(),
        report.singleOnlyAccuracy());
  }

  /** {@code far1e-3} for 0.001; a rate that is no power of ten keeps its decimal form. */
  public static String rateName(String prefix, double rate) {
    double exponent = -Math.log10(rate);
    if (rate > 0 && Math.abs(exponent - Math.rint(exponent)) < 1e-9 && exponent >= 1) {
      return prefix + "1e-" + (long) Math.rint(exponent);
    }
    return prefix + rate;
  }

  /** The line the calibrating commands print. */
  public static String describe(Path model, ModelCalibration calibration) {
    StringBuilder line = new StringBuilder("calibrated ").append(model).append(':');
    calibration
        .verifyThreshold()
        .ifPresent(v -> line.append(String.format(Locale.ROOT, " verifyThreshold=%.4f", v)));
    calibration
        .identifyThreshold()
        .ifPresent(v -> line.append(String.format(Locale.ROOT, " identifyThreshold=%.4f", v)));
    calibration
        .singleViewMargin()
        .ifPresent(v -> line.append(String.format(Locale.ROOT, " singleViewMargin=%.4f", v)));
    calibration
        .operatingPoints()
        .forEach((name, v) -> line.append(String.format(Locale.ROOT, " %s=%.4f", name, v)));
    return line.toString();
  }
}
