package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.Embedding;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceMetricsTest {
  @TempDir Path folder;

  @Test
  void countsDecisionsBatchesQueuesAndGallerySize() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Gallery gallery = HnswGallery.open(folder, GalleryOptions.of("fake", 2))) {
      ServiceMetrics metrics = new ServiceMetrics(registry, gallery);
      assertEquals(0.0, registry.get("facegate.gallery.people").gauge().value());
      gallery.enroll("alice", null, List.of(Embedding.normalize(new float[] {1, 0})));
      assertEquals(1.0, registry.get("facegate.gallery.people").gauge().value());

      metrics.decided("verify", "match");
      metrics.decided("verify", "match");
      assertEquals(
          2.0,
          registry
              .get("facegate.decisions")
              .tags("operation", "verify", "outcome", "match")
              .counter()
              .count());
      assertEquals(
          0.0,
          registry
              .get("facegate.decisions")
              .tags("operation", "identify", "outcome", "unknown")
              .counter()
              .count());

      metrics.recordBatch("embedding", 2);
      metrics.recordBatch("embedding", 8);
      metrics.recordBatch("embedding", 0); // ignored
      var batches = registry.get("facegate.batch.size").tag("network", "embedding").summary();
      assertEquals(2, batches.count());
      assertEquals(10.0, batches.totalAmount());

      AtomicInteger waiting = new AtomicInteger(3);
      metrics.registerQueue("embedding", waiting::get);
      metrics.registerQueue("embedding", () -> 99); // the first registration wins
      assertEquals(
          3.0, registry.get("facegate.queue.depth").tag("queue", "embedding").gauge().value());
      waiting.set(5);
      assertEquals(
          5.0, registry.get("facegate.queue.depth").tag("queue", "embedding").gauge().value());
    }
  }
}
