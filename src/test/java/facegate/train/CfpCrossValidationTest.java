package facegate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CfpCrossValidationTest {
  @Test
  void foldAccuracyUsesTheThresholdOfTheOtherFolds() {
    // fold 0 (threshold source): same 0.9, 0.8; different 0.1, 0.2 -> best threshold 0.5
    // fold 1 at 0.5: same 0.7 right, 0.3 wrong; different 0.4 right, 0.5 wrong (>= matches)
    double[] scores = {0.9, 0.8, 0.1, 0.2, 0.7, 0.3, 0.4, 0.5};
    boolean[] same = {true, true, false, false, true, true, false, false};
    int[] folds = {0, 0, 0, 0, 1, 1, 1, 1};
    List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    CfpCrossValidation.Pairs pairs = new CfpCrossValidation.Pairs(names, names, same, folds);
    assertEquals(0.5, CfpCrossValidation.foldAccuracy(scores, pairs, 1), 1e-12);
    assertEquals(1.0, CfpCrossValidation.foldAccuracy(scores, pairs, 0), 1e-12);
    assertEquals(2, pairs.foldCount());
  }
}
