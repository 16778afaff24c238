package facegate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EmbeddingTest {
  @Test
  void normalizeMakesUnitLengthAndCosineIsTheDotProduct() {
    Embedding a = Embedding.normalize(new float[] {3, 4});
    Embedding b = Embedding.normalize(new float[] {4, 3});
    assertEquals(0.6, a.values()[0], 1e-6);
    assertEquals(24.0 / 25, a.cosine(b), 1e-6);
    assertEquals(1, a.cosine(a), 1e-6);
  }

  @Test
  void refusesZeroNanAndMismatchedDimensions() {
    assertThrows(IllegalArgumentException.class, () -> Embedding.normalize(new float[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> new Embedding(new float[] {Float.NaN}));
    assertThrows(IllegalArgumentException.class, () -> new Embedding(new float[] {2, 0}));
    Embedding a = Embedding.normalize(new float[] {1, 0});
    Embedding b = Embedding.normalize(new float[] {1, 0, 0});
    assertThrows(IllegalArgumentException.class, () -> a.cosine(b));
  }
}
