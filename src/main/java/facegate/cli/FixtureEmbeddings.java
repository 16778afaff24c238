package facegate.cli;

import facegate.core.Embedding;
import facegate.pipeline.FaceRecognizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The photos of a {@code <Name>/<image>} folder, read once and embedded when asked. */
final class FixtureEmbeddings {
  private FixtureEmbeddings() {}

  /** Every JPEG or PNG under {@code folder}, sorted by path; fails when there is none. */
  static List<Path> photos(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> photos =
          files
              .filter(Files::isRegularFile)
              .filter(
                  file -> {
                    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                    return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
                  })
              .sorted()
              .toList();
      if (photos.isEmpty()) {
        throw new IllegalArgumentException("no JPEG or PNG photos under " + folder);
      }
      return photos;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** The bytes of each photo, in order. */
  static List<byte[]> read(List<Path> photos) {
    List<byte[]> bytes = new ArrayList<>(photos.size());
    for (Path photo : photos) {
      try {
        bytes.add(Files.readAllBytes(photo));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + photo, e);
      }
    }
    return bytes;
  }

  /** The largest face's embedding of every photo under {@code folder} that has a face. */
  static List<Embedding> embedAll(ModelOptions models, Path folder) {
    List<Embedding> embeddings = new ArrayList<>();
    try (FaceRecognizer recognizer = models.open(1)) {
      for (byte[] photo : read(photos(folder))) {
        recognizer.findLargest(photo).ifPresent(embeddings::add);
      }
    }
    return embeddings;
  }
}
