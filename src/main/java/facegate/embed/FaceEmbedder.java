package facegate.embed;

import facegate.core.Embedding;
import facegate.core.RgbImage;
import java.util.List;

/** Turns aligned face chips into L2-normalised embeddings. Implementations are thread-safe. */
public interface FaceEmbedder extends AutoCloseable {
  /** Side of the square chip the network takes, in pixels (150 for the dlib ResNet). */
  int inputSize();

  /** Embedding dimension. */
  int dimension();

  /**
   * One embedding per chip, in order, computed in batches. An empty list for empty input. Each chip
   * must be {@link #inputSize()} square, or an {@link IllegalArgumentException} is thrown.
   */
  List<Embedding> embed(List<RgbImage> chips);

  @Override
  void close();
}
