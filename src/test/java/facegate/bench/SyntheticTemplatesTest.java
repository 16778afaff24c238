package facegate.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticTemplatesTest {
  private static final double[] SPREAD = {0, 0.10, 0.05, 0.02};

  /** Unit vectors near (1, 0, 0, 0), spread differently along each other axis, and correlated. */
  private static List<float[]> real(int count) {
    Random random = new Random(3);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double shared = random.nextGaussian();
      float[] vector = new float[4];
      vector[0] = 1;
      for (int d = 1; d < 4; d++) {
        vector[d] = (float) (SPREAD[d] * (0.6 * shared + 0.8 * random.nextGaussian()));
      }
      vectors.add(SyntheticTemplates.normalize(vector));
    }
    return vectors;
  }

  private static double[][] covariance(List<float[]> vectors) {
    double[] mean = new double[4];
    for (float[] vector : vectors) {
      for (int d = 0; d < 4; d++) {
        mean[d] += vector[d] / vectors.size();
      }
    }
    double[][] covariance = new double[4][4];
    for (float[] vector : vectors) {
      for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 4; c++) {
          covariance[r][c] += (vector[r] - mean[r]) * (vector[c] - mean[c]) / vectors.size();
        }
      }
    }
    return covariance;
  }

  @Test
  void gaussianKeepsTheRealOnesAndDrawsWithTheirCovariance() {
    List<float[]> real = real(2000);
    List<float[]> gallery = SyntheticTemplates.gaussian(real, 42_000, 9);

    assertEquals(42_000, gallery.size());
    for (int i = 0; i < real.size(); i++) {
      assertArrayEquals(real.get(i), gallery.get(i));
    }
    List<float[]> drawn = gallery.subList(real.size(), gallery.size());
    for (float[] vector : drawn) {
      double norm = 0;
      for (float v : vector) {
        norm += v * v;
      }
      assertEquals(1, norm, 1e-5);
    }
    double[][] expected = covariance(real);
    double[][] actual = covariance(drawn);
    for (int r = 1; r < 4; r++) {
      for (int c = 1; c < 4; c++) {
        // variances 1e-2, 2.5e-3, 4e-4 and their covariances: within 10% of the largest in the row
        double tolerance = 0.1 * Math.sqrt(expected[r][r] * expected[c][c]);
        assertEquals(expected[r][c], actual[r][c], tolerance, "covariance " + r + "," + c);
      }
    }
  }

  @Test
  void gaussianIsSeeded() {
    List<float[]> real = real(100);
    assertArrayEquals(
        SyntheticTemplates.gaussian(real, 150, 4).get(149),
        SyntheticTemplates.gaussian(real, 150, 4).get(149));
  }

  @Test
  void gaussianNeedsMoreRealEmbeddingsThanDimensions() {
    assertThrows(IllegalArgumentException.class, () -> SyntheticTemplates.gaussian(real(4), 10, 1));
  }
}
