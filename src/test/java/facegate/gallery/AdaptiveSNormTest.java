package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Adaptive S-norm on cohorts of three or four scores, every answer computed by hand. */
class AdaptiveSNormTest {
  private static final double EPS = 1e-12;

  @Test
  void statisticsUseOnlyTheTopKScores() {
    // top 2 of {0.1, 0.5, 0.3, 0.9} are 0.9 and 0.5: mean 0.7, population sd 0.2
    AdaptiveSNorm.Statistics a = AdaptiveSNorm.statistics(new double[] {0.1, 0.5, 0.3, 0.9}, 2);
    assertEquals(0.7, a.mean(), EPS);
    assertEquals(0.2, a.deviation(), EPS);
  }

  @Test
  void normalisedScoreAveragesBothStandardisedScores() {
    AdaptiveSNorm.Statistics a = AdaptiveSNorm.statistics(new double[] {0.1, 0.5, 0.3, 0.9}, 2);
    // top 2 of {0.2, 0.4, 0.6}: 0.6 and 0.4, mean 0.5, sd 0.1
    AdaptiveSNorm.Statistics b = AdaptiveSNorm.statistics(new double[] {0.2, 0.4, 0.6}, 2);
    assertEquals(0.5, b.mean(), EPS);
    assertEquals(0.1, b.deviation(), EPS);
    // ((0.8 - 0.7) / 0.2 + (0.8 - 0.5) / 0.1) / 2 = (0.5 + 3) / 2
    assertEquals(1.75, AdaptiveSNorm.normalize(0.8, a, b), 1e-9);
    // symmetric in the two faces
    assertEquals(1.75, AdaptiveSNorm.normalize(0.8, b, a), 1e-9);
  }

  @Test
  void aCohortSmallerThanKIsUsedWhole() {
    AdaptiveSNorm.Statistics stats = AdaptiveSNorm.statistics(new double[] {0.2, 0.6}, 5);
    assertEquals(0.4, stats.mean(), EPS);
    assertEquals(0.2, stats.deviation(), EPS);
  }

  @Test
  void equalScoresGetTheFloorDeviation() {
    AdaptiveSNorm.Statistics stats = AdaptiveSNorm.statistics(new double[] {0.3, 0.3, 0.3}, 3);
    assertEquals(AdaptiveSNorm.MIN_DEVIATION, stats.deviation(), 0);
    // (0.301 - 0.3) / 0.001 = 1 for both faces
    assertEquals(1.0, AdaptiveSNorm.normalize(0.301, stats, stats), 1e-9);
  }

  @Test
  void badInputFails() {
    assertThrows(
        IllegalArgumentException.class, () -> AdaptiveSNorm.statistics(new double[] {0.5}, 2));
    assertThrows(
        IllegalArgumentException.class, () -> AdaptiveSNorm.statistics(new double[] {0.5, 1}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> AdaptiveSNorm.statistics(new double[] {0.5, Double.NaN}, 2));
    AdaptiveSNorm.Statistics stats = AdaptiveSNorm.statistics(new double[] {0.2, 0.6}, 2);
    assertThrows(
        IllegalArgumentException.class,
        () -> AdaptiveSNorm.normalize(Double.POSITIVE_INFINITY, stats, stats));
  }
}
