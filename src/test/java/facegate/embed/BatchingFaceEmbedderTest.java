package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.Embedding;
import facegate.core.RgbImage;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BatchingFaceEmbedderTest {
  /** A model with a name and both calibrated thresholds; every chip embeds to (1, 0). */
  private static final class Calibrated implements FaceEmbedder {
    @Override
    public int inputSize() {
      return 2;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public String modelName() {
      return "calibrated";
    }

    @Override
    public OptionalDouble verifyThreshold() {
      return OptionalDouble.of(0.91);
    }

    @Override
    public OptionalDouble identifyThreshold() {
      return OptionalDouble.of(0.95);
    }

    @Override
    public List<Embedding> embed(List<RgbImage> chips) {
      return chips.stream().map(chip -> Embedding.normalize(new float[] {1, 0})).toList();
    }

    @Override
    public void close() {}
  }

  @Test
  void reportsEverythingTheWrappedModelKnows() {
    // The service wraps the model in the batcher; without identifyThreshold passed through, it
    // identified at the verify threshold (FPIR 96% on LFW instead of the calibrated 1%).
    try (BatchingFaceEmbedder batching = new BatchingFaceEmbedder(new Calibrated(), 4, 1, 8, 1)) {
      assertEquals("calibrated", batching.modelName());
      assertEquals(2, batching.inputSize());
      assertEquals(2, batching.dimension());
      assertEquals(OptionalDouble.of(0.91), batching.verifyThreshold());
      assertEquals(OptionalDouble.of(0.95), batching.identifyThreshold());
      List<Embedding> out = batching.embed(List.of(new RgbImage(2, 2, new byte[12])));
      assertEquals(1, out.size());
    }
  }
}
