package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The render-repair losses on small arrays worked out by hand. */
class RepairLossesTest {

  @Test
  void l1IsTheMeanAbsoluteDifference() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {0.5f, -0.5f, 1f, 0f}, new Shape(1, 1, 2, 2));
      NDArray b = m.create(new float[] {0f, 0f, 0f, 0f}, new Shape(1, 1, 2, 2));
      // (0.5 + 0.5 + 1 + 0) / 4
      assertEquals(0.5f, RepairLosses.l1(a, b).getFloat(), 1e-6);
    }
  }

  @Test
  void identityIsOneMinusTheMeanCosineOfUnitRows() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1, 0, 0.6f, 0.8f}, new Shape(2, 2));
      NDArray b = m.create(new float[] {1, 0, 0.8f, 0.6f}, new Shape(2, 2));
      // cosines 1 and 0.96: 1 - 0.98
      assertEquals(0.02f, RepairLosses.identity(a, b).getFloat(), 1e-6);
    }
  }

  @Test
  void leastSquaresAdversarialTerms() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray fake = m.create(new float[] {0f, 0.5f}, new Shape(2, 1, 1, 1));
      NDArray real = m.create(new float[] {1f, 3f}, new Shape(2, 1, 1, 1));
      // generator: ((0-1)^2 + (0.5-1)^2) / 2 = 0.625
      assertEquals(0.625f, RepairLosses.generatorAdversarial(fake).getFloat(), 1e-6);
      // discriminator: (0 + 4) / 2 + (0 + 0.25) / 2 = 2.125
      assertEquals(2.125f, RepairLosses.discriminator(real, fake).getFloat(), 1e-6);
    }
  }

  @Test
  void totalVariationAveragesVerticalAndHorizontalSteps() {
    try (NDManager m = NDManager.newBaseManager()) {
      // [[0, 1, 3], [2, 2, 2]]: vertical steps 2, 1, -1 (mean |.| 4/3), horizontal 1, 2, 0, 0
      // (mean |.| 3/4)
      NDArray image = m.create(new float[] {0, 1, 3, 2, 2, 2}, new Shape(1, 1, 2, 3));
      assertEquals(4 / 3f + 0.75f, RepairLosses.totalVariation(image).getFloat(), 1e-6);
    }
  }
}
