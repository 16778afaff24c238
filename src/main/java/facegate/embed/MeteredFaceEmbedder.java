package facegate.embed;

import facegate.core.Embedding;
import facegate.core.InferenceMetrics;
import facegate.core.RgbImage;
import java.util.List;
import java.util.Objects;

/**
 * A {@link FaceEmbedder} that reports the chips of each call as one batch of another embedder, for
 * pipelines that do not batch across calls (a {@link BatchingFaceEmbedder} reports its shared
 * passes itself). Reports nothing until {@link #reportTo} is called, nor for an empty call. Closing
 * it closes the wrapped embedder.
 */
public final class MeteredFaceEmbedder extends ForwardingFaceEmbedder {
  private volatile InferenceMetrics metrics = InferenceMetrics.NONE;
  private volatile String network = "";

  /**
   * @param delegate the embedder doing the work; owned (closed by {@link #close()})
   */
  public MeteredFaceEmbedder(FaceEmbedder delegate) {
    super(delegate);
  }

  @Override
  public List<Embedding> embed(List<RgbImage> chips) {
    if (!chips.isEmpty()) {
      metrics.recordBatch(network, chips.size());
    }
    return delegate().embed(chips);
  }

  /** Records the size of each later call under {@code network}. */
  @Override
  public void reportTo(InferenceMetrics metrics, String network) {
    this.network = Objects.requireNonNull(network, "network");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }
}
