package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RocTest {
  // Scores 0.9 S, 0.8 D, 0.7 S, 0.6 S, 0.1 D: 3 same, 2 different.
  private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.1};
  private static final boolean[] SAME = {true, false, true, true, false};

  @Test
  void curvePointsAreCountedByHand() {
    Roc roc = Roc.of(SCORES, SAME);
    assertEquals(6, roc.thresholds().length);
    // threshold 0.8 accepts 0.9 (S) and 0.8 (D): TAR 1/3, FAR 1/2
    assertEquals(1.0 / 3, roc.tar()[2], 1e-12);
    assertEquals(0.5, roc.far()[2], 1e-12);
  }

  @Test
  void aucIsTheFractionOfCorrectlyOrderedSameDifferentPairs() {
    // same scores vs different: (0.9>0.8,0.9>0.1), (0.7<0.8,0.7>0.1), (0.6<0.8,0.6>0.1) = 4 of 6
    assertEquals(4.0 / 6, Roc.of(SCORES, SAME).auc(), 1e-12);
  }

  @Test
  void tarAtZeroFarIsWhatIsAcceptedBeforeTheFirstImpostor() {
    assertEquals(1.0 / 3, Roc.of(SCORES, SAME).tarAtFar(0), 1e-12);
    assertEquals(0.9, Roc.of(SCORES, SAME).thresholdAtFar(0), 1e-12);
    assertEquals(1.0, Roc.of(SCORES, SAME).tarAtFar(0.5), 1e-12);
  }

  @Test
  void equalErrorRateOfPerfectSeparationIsZero() {
    Roc roc = Roc.of(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {true, true, false, false});
    assertEquals(0, roc.equalErrorRate(), 1e-12);
    assertEquals(1, roc.auc(), 1e-12);
  }

  @Test
  void equalErrorRateInterpolatesWhereRatesCross() {
    // threshold 0.8: FAR 1/2, FRR 2/3; 0.7: FAR 1/2, FRR 1/3. The rates cross on that
    // vertical segment, at FAR = FRR = 1/2.
    assertEquals(0.5, Roc.of(SCORES, SAME).equalErrorRate(), 1e-12);
    // Separable scores: the rates meet at 0.
    Roc skewed =
        Roc.of(new double[] {0.9, 0.6, 0.5, 0.1}, new boolean[] {true, true, false, false});
    assertEquals(0, skewed.equalErrorRate(), 1e-12);
  }

  @Test
  void needsBothKindsOfPair() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Roc.of(new double[] {0.1, 0.2}, new boolean[] {true, true}));
  }

  @Test
  void detPointsAreFalseAcceptAgainstFalseReject() {
    // 0.9 same, 0.8 different, 0.7 same, 0.6 different
    Roc roc = Roc.of(new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {true, false, true, false});
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new double[] {0, 0, 0.5, 0.5, 1}, roc.far(), 1e-12);
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        new double[] {1, 0.5, 0.5, 0, 0}, roc.frr(), 1e-12);
  }
}
