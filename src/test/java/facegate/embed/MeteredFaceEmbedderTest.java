package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.InferenceMetrics;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class MeteredFaceEmbedderTest {
  /** Embeds every chip as (1, 0); remembers whether it was closed. */
  private static final class Fixed implements FaceEmbedder {
    boolean closed;

    @Override
    public int inputSize() {
      return 2;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public List<Embedding> embed(List<RgbImage> chips) {
      return chips.stream().map(chip -> Embedding.normalize(new float[] {1, 0})).toList();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void reportsTheChipsOfEachNonEmptyCallOnceAskedTo() {
    List<String> batches = new ArrayList<>();
    InferenceMetrics metrics =
        new InferenceMetrics() {
          @Override
          public void recordBatch(String network, int size) {
            batches.add(network + ":" + size);
          }

          @Override
          public void registerQueue(String queue, IntSupplier depth) {}
        };
    RgbImage chip = new RgbImage(2, 2, new byte[12]);
    Fixed fixed = new Fixed();
    MeteredFaceEmbedder metered = new MeteredFaceEmbedder(fixed);
    metered.embed(List.of(chip));
    metered.reportTo(metrics, "embedding");
    assertEquals(2, metered.embed(List.of(chip, chip)).size());
    metered.embed(List.of());
    metered.embed(List.of(chip));
    assertEquals(List.of("embedding:2", "embedding:1"), batches);
    assertEquals(2, metered.inputSize());
    metered.close();
    assertTrue(fixed.closed);
  }
}
