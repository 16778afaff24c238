package facegate.cli;

import facegate.bench.PhotoFolder;
import facegate.core.Embedding;
import facegate.pipeline.FaceRecognizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The photos of a {@code <Name>/<image>} folder, embedded when asked. */
final class FixtureEmbeddings {
  private FixtureEmbeddings() {}

  /** The largest face's embedding of every photo under {@code folder} that has a face. */
  static List<Embedding> embedAll(ModelOptions models, Path folder) {
    List<Embedding> embeddings = new ArrayList<>();
    try (FaceRecognizer recognizer = models.open(1)) {
      for (byte[] photo : PhotoFolder.read(PhotoFolder.photos(folder))) {
        recognizer.findLargest(photo).ifPresent(embeddings::add);
      }
    }
    return embeddings;
  }
}
