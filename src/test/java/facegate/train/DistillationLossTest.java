package facegate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class DistillationLossTest {
  // rows: (3, 4) -> (0.6, 0.8) against (0, 2) -> (0, 1): |(0.6, -0.2)|² = 0.40;
  //       (1, 0) against (5, 0): 0;  (0, -1) against (1, 0): |(-1, -1)|² = 2
  private static final float[] EMBEDDINGS = {3, 4, 1, 0, 0, -1};
  private static final float[] ORIGINALS = {0, 2, 5, 0, 1, 0};

  @Test
  void meanOverFrontalRowsOfSquaredDistanceBetweenUnitVectors() {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertEquals(0.8, loss(manager, true, true, true), 1e-6);
      assertEquals(0.2, loss(manager, true, true, false), 1e-6);
      assertEquals(2.0, loss(manager, false, false, true), 1e-6);
      assertEquals(0.0, loss(manager, false, false, false), 1e-6);
    }
  }

  @Test
  void profileRowsGetNoGradient() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray embeddings = manager.create(EMBEDDINGS, new Shape(3, 2));
      embeddings.setRequiresGradient(true);
      NDArray originals = manager.create(ORIGINALS, new Shape(3, 2));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(
            DistillationLoss.compute(embeddings, originals, new boolean[] {true, false, false}));
      }
      float[] gradient = embeddings.getGradient().toFloatArray();
      assertEquals(0, gradient[2], 0);
      assertEquals(0, gradient[5], 0);
      assertEquals(true, Math.abs(gradient[0]) > 1e-3);
    }
  }

  private static double loss(NDManager manager, boolean... frontal) {
    NDArray embeddings = manager.create(EMBEDDINGS, new Shape(3, 2));
    NDArray originals = manager.create(ORIGINALS, new Shape(3, 2));
    return DistillationLoss.compute(embeddings, originals, frontal).getFloat();
  }
}
