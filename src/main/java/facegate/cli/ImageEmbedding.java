package facegate.cli;

import facegate.core.Embedding;
import facegate.eval.EmbeddingCache;
import facegate.pipeline.FaceRecognizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** The evaluation commands' view of the pipeline: an image file to its largest face's embedding. */
final class ImageEmbedding {
  private ImageEmbedding() {}

  /** Empty when no face is found; an unreadable image fails with a FaceException. */
  static Optional<Embedding> largestFace(FaceRecognizer recognizer, Path path) {
    return recognizer.findLargest(read(path));
  }

  /** {@link #largestFace}, through {@code cache} when there is one. */
  static Function<Path, Optional<Embedding>> function(
      FaceRecognizer recognizer, EmbeddingCache cache) {
    Function<Path, Optional<Embedding>> direct = path -> largestFace(recognizer, path);
    return cache == null ? direct : cache.around(direct);
  }

  /**
   * The largest face's single-view embedding (its chip alone, no mirror image: {@link
   * FaceRecognizer#findLargestSingleView}), through {@code cache} when there is one.
   */
  static Function<Path, Optional<Embedding>> singleViewFunction(
      FaceRecognizer recognizer, EmbeddingCache cache) {
    Function<Path, Optional<Embedding>> direct =
        path -> recognizer.findLargestSingleView(read(path));
    return cache == null ? direct : cache.around(direct);
  }

  /** The bytes of an image file; an unreadable one fails with an UncheckedIOException. */
  static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
