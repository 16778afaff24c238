package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void linearSystemSolvesWithPivoting() {
    double[] x = LinearSystem.solve(new double[][] {{0, 2}, {3, 1}}, new double[] {4, 5});
    assertArrayEquals(new double[] {1, 2}, x, 1e-12);
  }
}
