package facegate.core;

import java.util.function.IntSupplier;

/**
 * Where inference code reports how it batches work, for the service's metrics: the sizes of the
 * batches a network runs and the depth of the queues in front of it. The service binds this to
 * Prometheus ({@code facegate_batch_size}, {@code facegate_queue_depth}); commands and tests use
 * {@link #NONE}. Implementations are thread-safe and cheap: call them on every batch.
 */
public interface InferenceMetrics {
  /** Records nothing. */
  InferenceMetrics NONE =
      new InferenceMetrics() {
        @Override
        public void recordBatch(String network, int size) {}

        @Override
        public void registerQueue(String queue, IntSupplier depth) {}
      };

  /**
   * One batch ran.
   *
   * @param network which network, e.g. {@code embedding}, {@code landmarks}, {@code detector}
   * @param size inputs in the batch, at least 1 (smaller values are ignored)
   */
  void recordBatch(String network, int size);

  /**
   * Registers a queue whose depth is read on every scrape. Registering the same name again replaces
   * nothing: the first registration wins, so register once per queue.
   *
   * @param queue a stable name, e.g. {@code embedding}
   * @param depth items waiting now; must not block
   */
  void registerQueue(String queue, IntSupplier depth);
}
