package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.embed.ModelCalibration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void operatingPointsAreNamedByTheirRate() {
    assertEquals("far1e-3", Calibration.rateName("far", 1e-3));
    assertEquals("far1e-2", Calibration.rateName("far", 0.01));
    assertEquals("fpir1e-2", Calibration.rateName("fpir", 0.01));
    assertEquals("far0.005", Calibration.rateName("far", 0.005));
  }

  /** 20 pairs in 2 folds: same-person pairs score 0.80-0.89, others 0.10-0.19 (one 0.85). */
  private static PairsEvaluation.Result separated() {
    int n = 20;
    double[] scores = new double[n];
    boolean[] same = new boolean[n];
    int[] folds = new int[n];
    for (int i = 0; i < n; i++) {
      same[i] = i % 2 == 0;
      folds[i] = i < n / 2 ? 0 : 1;
      scores[i] = same[i] ? 0.80 + i / 200.0 : 0.10 + i / 200.0;
    }
    scores[19] = 0.85;
    VerificationReport report = VerificationMetrics.evaluate(scores, same, folds, 2, 0);
    List<Optional<facegate.core.Embedding>> none = Collections.nCopies(n, Optional.empty());
    return new PairsEvaluation.Result(report, scores, same, folds, none, none);
  }

  @Test
  void theVerifyThresholdIsTheMeanOfTheFoldThresholdsUnlessAFarIsChosen() {
    PairsEvaluation.Result result = separated();
    Roc roc = Roc.of(result.scores(), result.same());

    ModelCalibration byAccuracy =
        Calibration.verification(result, List.of(0.1), null, "pairs.txt", "facegate eval");
    assertEquals(result.report().meanThreshold(), byAccuracy.verifyThreshold().getAsDouble());
    assertEquals(roc.thresholdAtFar(0.1), byAccuracy.operatingPoints().get("far1e-1"));
    assertEquals("20", byAccuracy.provenance().get("pairCount"));
    assertEquals("facegate eval", byAccuracy.provenance().get("command"));
    assertTrue(byAccuracy.provenance().get("verifyThresholdMethod").startsWith("mean of per-fold"));

    ModelCalibration byFar =
        Calibration.verification(result, List.of(0.1), 0.1, "pairs.txt", "facegate calibrate");
    assertEquals(roc.thresholdAtFar(0.1), byFar.verifyThreshold().getAsDouble());
    assertTrue(
        byFar.provenance().get("verifyThresholdMethod").startsWith("lowest threshold with FAR"));
    assertTrue(
        byFar.verifyThreshold().getAsDouble() != byAccuracy.verifyThreshold().getAsDouble(),
        "the two policies give different thresholds on these scores");
  }
}
