package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ProfileIdentity}'s use-time composition on tensors. */
class ProfileIdentityTest {
  private static NDArray noise(NDManager manager, int size, long seed) {
    Random random = new Random(seed);
    float[] values = new float[2 * 3 * size * size];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    return manager.create(values, new Shape(2, 3, size, size));
  }

  @Test
  void aGeneratorThatChangesNothingLeavesTheFullSizeRenderAsItIs() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray render = noise(manager, 30, 1);
      NDArray small = noise(manager, 8, 2);

      NDArray view = ProfileIdentity.withDetail(render, small, small);

      assertArrayEquals(render.toFloatArray(), view.toFloatArray(), 1e-6f);
    }
  }

  @Test
  void theGeneratorsChangeArrivesUpsampledOnTopOfTheRender() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray render = noise(manager, 30, 3);
      NDArray small = noise(manager, 8, 4);

      // a uniform +0.25 stays +0.25 everywhere (each output blends inputs with weights summing
      // to 1)
      float[] brighter =
          ProfileIdentity.withDetail(render, small, small.add(0.25f)).sub(render).toFloatArray();
      for (float change : brighter) {
        assertEquals(0.25, change, 1e-5);
      }

      // a change at one small pixel reaches only the full-size pixels around it
      float[] one = new float[2 * 3 * 8 * 8];
      one[3 * 8 + 3] = 1; // image 0, red, row 3, column 3
      NDArray bump = manager.create(one, new Shape(2, 3, 8, 8));
      float[] spread =
          ProfileIdentity.withDetail(render, small, small.add(bump)).sub(render).toFloatArray();
      // full-size 13 samples small (13 + 0.5) * 8 / 30 - 0.5 = 3.1: 0.9 of pixel 3 per axis
      assertEquals(0.81, spread[13 * 30 + 13], 1e-5);
      // full-size 20 samples 4.833: none of pixel 3
      assertEquals(0, spread[13 * 30 + 20], 1e-6);
      assertEquals(0, spread[0], 1e-6);
      assertEquals(0, spread[3 * 30 * 30 + 13 * 30 + 13], 1e-6); // green untouched
    }
  }
}
