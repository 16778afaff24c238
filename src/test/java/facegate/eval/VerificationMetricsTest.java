package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerificationMetricsTest {
  @Test
  void bestThresholdSeparatesWhatCanBeSeparated() {
    double[] scores = {0.9, 0.7, 0.4, 0.2};
    boolean[] same = {true, true, false, false};
    boolean[] all = {true, true, true, true};
    double threshold = VerificationMetrics.bestThreshold(scores, same, all);
    assertTrue(threshold > 0.4 && threshold <= 0.7, "threshold " + threshold);
    assertEquals(1.0, VerificationMetrics.accuracy(scores, same, all, threshold), 1e-12);
  }

  @Test
  void thresholdsComeFromTheOtherFolds() {
    // Fold 0 separates at ~0.5; fold 1 is the same but shifted up by 0.3. Threshold from fold 1
    // (~0.8) applied to fold 0 rejects fold 0's same pairs at 0.6 and 0.7: 50% there. Fold 0's
    // threshold (~0.5) applied to fold 1 accepts all of it: 50% too.
    double[] scores = {0.7, 0.6, 0.4, 0.3, 1.0, 0.9, 0.7, 0.6};
    boolean[] same = {true, true, false, false, true, true, false, false};
    int[] folds = {0, 0, 0, 0, 1, 1, 1, 1};
    VerificationReport report = VerificationMetrics.evaluate(scores, same, folds, 2, 0);
    assertEquals(0.5, report.accuracy(), 1e-12);
    assertTrue(report.crossValidated());
    assertEquals(2, report.folds());
    assertTrue(report.foldThresholds()[0] > 0.6 && report.foldThresholds()[0] < 0.9);
    assertTrue(report.foldThresholds()[1] > 0.3 && report.foldThresholds()[1] < 0.6);
    assertEquals(0.5, report.foldAccuracies()[0], 1e-12);
    assertEquals(0.5, report.foldAccuracies()[1], 1e-12);
    assertEquals(8, report.pairs());
  }

  @Test
  void failedPairsAreMismatches() {
    double[] scores = {0.9, Double.NEGATIVE_INFINITY, 0.1, 0.2};
    boolean[] same = {true, true, false, false};
    VerificationReport report = VerificationMetrics.evaluate(scores, same, new int[4], 1, 1);
    assertEquals(0.75, report.accuracy(), 1e-12);
    assertEquals(1, report.failures());
    assertFalse(report.crossValidated());
  }

  @Test
  void summaryLineHasTheAgreedFields() {
    VerificationReport report =
        new VerificationReport(
            0.99,
            0.01,
            0.5,
            0.9,
            0.95,
            0.02,
            0.998,
            6000,
            3,
            true,
            new double[] {0.5},
            new double[] {0.99});
    assertEquals(
        "accuracy=0.9900 tar@far1e-3=0.9000 eer=0.0200 auc=0.9980 pairs=6000 failures=3",
        report.summaryLine());
  }
}
