package facegate.eval;

import facegate.core.Embedding;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers each image's embedding (or that no face was found) across evaluation runs, in one file.
 * The file records a fingerprint of the pipeline (models, detector, version): a cache made by
 * another pipeline is ignored, never mixed in. Thread-safe.
 */
public final class EmbeddingCache {
  private static final int MAGIC = 0x46474543; // "FGEC"

  private final Path file;
  private final String fingerprint;
  private final Map<String, Optional<Embedding>> entries = new ConcurrentHashMap<>();

  private EmbeddingCache(Path file, String fingerprint) {
    this.file = file;
    this.fingerprint = fingerprint;
  }

  /** Opens {@code file}, loading it when it exists and was made by the same pipeline. */
  public static EmbeddingCache open(Path file, String fingerprint) {
    EmbeddingCache cache = new EmbeddingCache(file, fingerprint);
    if (Files.isRegularFile(file)) {
      cache.load();
    }
    return cache;
  }

  /** Wraps {@code embedder} so that each image is embedded at most once. */
  public Function<Path, Optional<Embedding>> around(Function<Path, Optional<Embedding>> embedder) {
    return path -> {
      String key = path.toAbsolutePath().normalize().toString();
      Optional<Embedding> known = entries.get(key);
      if (known != null) {
        return known;
      }
      Optional<Embedding> computed = embedder.apply(path);
      entries.put(key, computed);
      return computed;
    };
  }

  public int size() {
    return entries.size();
  }

  /**
   * Every embedding the cache holds, ordered by image path; images without a face are left out.
   * Empty when the file was missing or made by another pipeline.
   */
  public List<Embedding> embeddings() {
    return entries.entrySet().stream()
        .filter(entry -> entry.getValue().isPresent())
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> entry.getValue().get())
        .toList();
  }

  /** Writes every entry (atomically: a temporary file renamed over the old one). */
  public void save() {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(temporary)))) {
      out.writeInt(MAGIC);
      out.writeUTF(fingerprint);
      for (Map.Entry<String, Optional<Embedding>> entry : entries.entrySet()) {
        out.writeUTF(entry.getKey());
        float[] values = entry.getValue().map(Embedding::values).orElse(new float[0]);
        out.writeInt(values.length);
        for (float v : values) {
          out.writeFloat(v);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write embedding cache " + temporary, e);
    }
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace embedding cache " + file, e);
    }
  }

  private void load() {
    try (DataInputStream in =
        new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(fingerprint)) {
        return;
      }
      while (true) {
        String key;
        try {
          key = in.readUTF();
        } catch (EOFException end) {
          return;
        }
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
          values[i] = in.readFloat();
        }
        entries.put(
            key, values.length == 0 ? Optional.empty() : Optional.of(new Embedding(values)));
      }
    } catch (IOException | RuntimeException e) {
      entries.clear(); // a damaged cache is only a slower run
    }
  }
}
