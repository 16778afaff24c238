package facegate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedFoldsTest {
  @Test
  void meanAndSampleStandardDeviationOfTheFiniteValues() {
    double[] stats = PairedFolds.meanSd(new double[] {1, 2, 3, Double.NaN});
    assertEquals(2, stats[0], 1e-12);
    assertEquals(1, stats[1], 1e-12);
    assertEquals(3, stats[2], 0);
  }

  @Test
  void pairedDifferenceWithStudentInterval() {
    // differences 1, 2, 3: mean 2, sd 1, half-width t(0.975, 2) / sqrt(3) = 4.303 / 1.7321
    double[] d =
        PairedFolds.difference(new double[] {1, 2, 3, 5}, new double[] {2, 4, 6, Double.NaN});
    assertEquals(2, d[0], 1e-12);
    assertEquals(2 - 2.48434, d[1], 1e-4);
    assertEquals(2 + 2.48434, d[2], 1e-4);
    assertEquals(3, d[3], 0);
    assertTrue(Double.isNaN(PairedFolds.difference(new double[] {1}, new double[] {2})[1]));
  }
}
