package facegate.embed;

import facegate.core.ChipAlignment;
import facegate.core.Embedding;
import facegate.core.RgbImage;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A {@link FaceEmbedder} that passes every call to another, for embedders that change how chips
 * reach a network (batching them, counting them) but not what the network is: size, dimension,
 * model name and calibrated thresholds are the wrapped embedder's. {@link #reportTo} is not passed
 * on (reports nothing unless overridden). Closing it closes the wrapped embedder.
 */
public abstract class ForwardingFaceEmbedder implements FaceEmbedder {
  private final FaceEmbedder delegate;

  /**
   * @param delegate the embedder calls are passed to; owned (closed by {@link #close()})
   */
  protected ForwardingFaceEmbedder(FaceEmbedder delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The wrapped embedder. */
  protected final FaceEmbedder delegate() {
    return delegate;
  }

  @Override
  public int inputSize() {
    return delegate.inputSize();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public String modelName() {
    return delegate.modelName();
  }

  @Override
  public String galleryModelName() {
    return delegate.galleryModelName();
  }

  @Override
  public ChipAlignment chipAlignment() {
    return delegate.chipAlignment();
  }

  @Override
  public OptionalDouble verifyThreshold() {
    return delegate.verifyThreshold();
  }

  @Override
  public OptionalDouble identifyThreshold() {
    return delegate.identifyThreshold();
  }

  @Override
  public OptionalDouble singleViewMargin() {
    return delegate.singleViewMargin();
  }

  @Override
  public List<Embedding> embed(List<RgbImage> chips) {
    return delegate.embed(chips);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
