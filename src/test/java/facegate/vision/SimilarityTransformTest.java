package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimilarityTransformTest {
  @Test
  void recoversAKnownRotationScaleAndShift() {
    // 90 degrees, scale 2, shift (10, 20): (x, y) -> (-2y + 10, 2x + 20)
    double[] source = {0, 0, 1, 0, 0, 1, 3, 2};
    double[] target = new double[source.length];
    for (int i = 0; i < source.length; i += 2) {
      target[i] = -2 * source[i + 1] + 10;
      target[i + 1] = 2 * source[i] + 20;
    }
    SimilarityTransform t = SimilarityTransform.estimate(source, target);
    assertEquals(0, t.a(), 1e-9);
    assertEquals(2, t.b(), 1e-9);
    assertEquals(10, t.tx(), 1e-9);
    assertEquals(20, t.ty(), 1e-9);
    assertEquals(2, t.scale(), 1e-9);
  }

  @Test
  void inverseUndoes() {
    SimilarityTransform t = new SimilarityTransform(0.6, 0.8, 5, -3);
    SimilarityTransform inverse = t.inverse();
    double x = t.applyX(7, 11);
    double y = t.applyY(7, 11);
    assertEquals(7, inverse.applyX(x, y), 1e-9);
    assertEquals(11, inverse.applyY(x, y), 1e-9);
  }

  @Test
  void afterScalingMapsShrunkPixelsToTheSamePlace() {
    SimilarityTransform t = new SimilarityTransform(0.25, 0, 1, 2);
    SimilarityTransform shrunk = t.afterScaling(4);
    // shrunk pixel 0 covers original pixels 0..3, centred on 1.5
    assertEquals(t.applyX(1.5, 1.5), shrunk.applyX(0, 0), 1e-9);
    assertEquals(t.applyY(5.5, 9.5), shrunk.applyY(1, 2), 1e-9);
  }

  @Test
  void refusesCoincidentPoints() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SimilarityTransform.estimate(new double[] {1, 1, 1, 1}, new double[] {0, 0, 1, 1}));
  }
}
