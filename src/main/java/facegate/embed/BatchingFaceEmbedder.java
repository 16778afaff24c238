package facegate.embed;

import facegate.core.Embedding;
import facegate.core.InferenceMetrics;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FaceEmbedder} that batches the chips of concurrent callers into shared forward passes of
 * another embedder ({@link DynamicBatcher}); on a GPU and on a CPU alike, fewer, larger passes cost
 * less per chip. A call with more than {@code maxBatch} chips is submitted {@code maxBatch} at a
 * time. When too many chips wait, a call fails at once with {@code overloaded}. Closing it closes
 * the wrapped embedder after the queued chips are done.
 */
public final class BatchingFaceEmbedder extends ForwardingFaceEmbedder {
  private final DynamicBatcher<RgbImage, Embedding> batcher;
  private final int maxBatch;

  /**
   * @param delegate the embedder running each batch; owned (closed by {@link #close()})
   * @param maxBatch most chips per forward pass
   * @param maxWaitMillis longest a chip waits for others before its pass runs
   * @param queueCapacity most chips waiting, at least {@code maxBatch}
   * @param workers passes running at once (at most the delegate's predictors)
   */
  public BatchingFaceEmbedder(
      FaceEmbedder delegate, int maxBatch, long maxWaitMillis, int queueCapacity, int workers) {
    super(delegate);
    this.maxBatch = maxBatch;
    this.batcher =
        new DynamicBatcher<>(
            delegate::embed, maxBatch, maxWaitMillis, queueCapacity, workers, "embed");
  }

  /**
   * {@inheritDoc}
   *
   * @throws facegate.core.FaceException {@code overloaded} when too many chips are waiting
   */
  @Override
  public List<Embedding> embed(List<RgbImage> chips) {
    for (RgbImage chip : chips) {
      if (chip.width() != inputSize() || chip.height() != inputSize()) {
        // checked here, so that one caller's bad chip never fails a batch shared with others
        throw new IllegalArgumentException(
            "expected "
                + inputSize()
                + "x"
                + inputSize()
                + " chips, got "
                + chip.width()
                + "x"
                + chip.height());
      }
    }
    List<Embedding> embeddings = new ArrayList<>(chips.size());
    for (int start = 0; start < chips.size(); start += maxBatch) {
      embeddings.addAll(
          batcher.submitAll(chips.subList(start, Math.min(chips.size(), start + maxBatch))));
    }
    return embeddings;
  }

  /**
   * Reports each forward pass's batch size and the number of chips waiting to {@code metrics},
   * under the name {@code network}.
   */
  @Override
  public void reportTo(InferenceMetrics metrics, String network) {
    batcher.reportBatchSizesTo(size -> metrics.recordBatch(network, size));
    metrics.registerQueue(network, batcher::queued);
  }

  @Override
  public void close() {
    try {
      batcher.close();
    } finally {
      super.close();
    }
  }
}
