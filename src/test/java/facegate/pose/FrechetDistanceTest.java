package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
  @Test
  void identicalSetsAreAtZero() {
    float[][] a = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    assertEquals(0, FrechetDistance.between(a, a), 1e-9);
  }

  @Test
  void aShiftedSetIsAtTheSquaredShift() {
    float[][] a = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
    float[][] b = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = new float[] {a[i][0] + 3, a[i][1] - 4};
    }
    assertEquals(25, FrechetDistance.between(a, b), 1e-9);
  }

  @Test
  void oneDimensionGivesMeanAndStandardDeviationTerms() {
    // sample variances: 4 / 3 and 16 / 3
    float[][] a = {{-1}, {1}, {-1}, {1}};
    float[][] b = {{-2}, {2}, {-2}, {2}};
    double sdA = Math.sqrt(4 / 3.0);
    double sdB = Math.sqrt(16 / 3.0);
    // (μa − μb)² + σa² + σb² − 2 σa σb = (σa − σb)²
    assertEquals((sdA - sdB) * (sdA - sdB), FrechetDistance.between(a, b), 1e-9);
  }
}
