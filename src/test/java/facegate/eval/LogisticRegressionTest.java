package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
  @Test
  void symmetricPairHasTheHandDerivedOptimum() {
    // x = -1 (negative), x = +1 (positive), l2 = 1: already standardised (mean 0, sd 1); by
    // symmetry
    // the bias is 0 and the gradient -2σ(-w) + w = 0 gives w = 2σ(-w) ≈ 0.67479.
    LogisticRegression model =
        LogisticRegression.fit(new double[][] {{-1}, {1}}, new boolean[] {false, true}, 1.0);
    double w = model.weights()[0];
    assertEquals(0, model.bias(), 1e-9);
    assertEquals(2 * LogisticRegression.sigmoid(-w), w, 1e-9);
    assertEquals(0.6748, w, 1e-4);
    assertEquals(LogisticRegression.sigmoid(w), model.probability(new double[] {1}), 1e-9);
  }

  @Test
  void separatesAHandMadeSeparableSetWithFiniteWeights() {
    // positives above the line x + y = 3, negatives below it
    double[][] rows = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {3, 2}, {2, 3}, {3, 3}, {4, 1}};
    boolean[] labels = {false, false, false, false, true, true, true, true};
    LogisticRegression model = LogisticRegression.fit(rows, labels, 0.1);
    for (int i = 0; i < rows.length; i++) {
      assertEquals(labels[i], model.probability(rows[i]) >= 0.5, "row " + i);
    }
    for (double weight : model.weights()) {
      assertTrue(weight > 0 && Double.isFinite(weight), "weight " + weight);
    }
    assertArrayEquals(new double[] {1.75, 1.375}, model.means(), 1e-12);
  }

  @Test
  void aConstantFeatureIsHarmless() {
    double[][] rows = {{5, -2}, {5, -1}, {5, 1}, {5, 2}};
    boolean[] labels = {false, false, true, true};
    LogisticRegression model = LogisticRegression.fit(rows, labels, 1.0);
    assertEquals(0, model.weights()[0], 1e-12);
    assertEquals(1, model.scales()[0], 0);
    assertTrue(model.probability(new double[] {5, 2}) > 0.5);
  }

  @Test
  void twoCopiesOfAFeatureShareTheHandDerivedWeight() {
    // rows (-1,-1) negative, (1,1) positive, l2 = 1: each feature standardised to ±1; by symmetry
    // w1 = w2 = w, bias 0, margins ±2w, and the gradient -2σ(-2w) + w = 0 gives w = 2σ(-2w).
    LogisticRegression model =
        LogisticRegression.fit(new double[][] {{-1, -1}, {1, 1}}, new boolean[] {false, true}, 1.0);
    double w = model.weights()[0];
    assertEquals(w, model.weights()[1], 1e-9);
    assertEquals(0, model.bias(), 1e-9);
    assertEquals(2 * LogisticRegression.sigmoid(-2 * w), w, 1e-9);
  }

  @Test
  void highDimensionalFitIsAtTheOptimum() {
    // 300 features, 400 rows (a 1,024-d Hessian is what made the dense Newton step slow): the
    // penalised loss's gradient, computed here independently, vanishes at the fit.
    Random random = new Random(7);
    int n = 400, d = 300;
    double[][] rows = new double[n][d];
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      double signal = 0;
      for (int j = 0; j < d; j++) {
        rows[i][j] = random.nextGaussian();
        signal += j < 10 ? rows[i][j] : 0;
      }
      labels[i] = signal + random.nextGaussian() > 0;
    }
    double l2 = 1.0;
    LogisticRegression model = LogisticRegression.fit(rows, labels, l2);
    double[] w = model.weights();
    double[] gradient = new double[d + 1];
    for (int i = 0; i < n; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = (rows[i][j] - model.means()[j]) / model.scales()[j];
      }
      double error = model.probability(rows[i]) - (labels[i] ? 1 : 0);
      for (int j = 0; j < d; j++) {
        gradient[j] += error * x[j];
      }
      gradient[d] += error;
    }
    for (int j = 0; j < d; j++) {
      gradient[j] += l2 * w[j];
    }
    for (double g : gradient) {
      assertEquals(0, g, 1e-6);
    }
    assertTrue(w[0] > 0.1 && Math.abs(w[d - 1]) < w[0], "signal weight " + w[0]);
  }
}
