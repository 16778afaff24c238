package facegate.eval;

import java.util.Locale;

/**
 * Verification metrics over a pairs protocol.
 *
 * @param accuracy mean over folds of the test-fold accuracy, each fold's threshold chosen on the
 *     other folds (on the fold itself when there is only one: optimistic, flagged by {@code
 *     crossValidated})
 * @param accuracyStd standard deviation of the per-fold accuracies
 * @param meanThreshold mean of the per-fold thresholds
 * @param tarAtFar1e3 true accept rate at the highest threshold whose false accept rate over all
 *     pairs is at most 1e-3
 * @param tarAtFar1e2 the same at 1e-2
 * @param eer equal error rate
 * @param auc area under the ROC curve (ties count half)
 * @param pairs number of pairs scored
 * @param failures pairs where a face was not found in one of the images; scored as mismatches
 * @param crossValidated whether thresholds were chosen on held-out folds
 * @param foldThresholds the threshold used on each fold (chosen on the other folds)
 * @param foldAccuracies each fold's accuracy at its threshold
 */
public record VerificationReport(
    double accuracy,
    double accuracyStd,
    double meanThreshold,
    double tarAtFar1e3,
    double tarAtFar1e2,
    double eer,
    double auc,
    int pairs,
    int failures,
    boolean crossValidated,
    double[] foldThresholds,
    double[] foldAccuracies) {

  public VerificationReport {
    if (foldThresholds.length != foldAccuracies.length) {
      throw new IllegalArgumentException("one threshold and one accuracy per fold");
    }
    foldThresholds = foldThresholds.clone();
    foldAccuracies = foldAccuracies.clone();
  }

  @Override
  public double[] foldThresholds() {
    return foldThresholds.clone();
  }

  @Override
  public double[] foldAccuracies() {
    return foldAccuracies.clone();
  }

  public int folds() {
    return foldAccuracies.length;
  }

  /** The one-line summary the {@code eval} command ends with. */
  public String summaryLine() {
    return String.format(
        Locale.ROOT,
        "accuracy=%.4f tar@far1e-3=%.4f eer=%.4f auc=%.4f pairs=%d failures=%d",
        accuracy,
        tarAtFar1e3,
        eer,
        auc,
        pairs,
        failures);
  }
}
