import facegate.bench.SyntheticTemplates;
import facegate.core.Embedding;
import facegate.eval.EmbeddingCache;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the gallery and the queries of {@code bench --sections identify --kinds lfw|gauss} (the
 * same real embeddings, generators and default seeds) as little-endian float32 rows, so that
 * another index can be measured on exactly the same vectors (hnswlib_bench.py).
 *
 * <p>{@code java -cp target/facegate.jar docs/results/native-hnsw/ExportBenchGallery.java CACHE SIZE
 * lfw|gauss OUT_DIR} writes {@code OUT_DIR/<kind>-<size>.f32} and {@code OUT_DIR/<kind>-queries.f32}
 * (300 queries). CACHE is an {@code identify-eval --cache} file.
 */
public class ExportBenchGallery {
  private static final long SEED = 42; // bench's --seed default; queries use SEED + 1
  private static final int QUERIES = 300;

  public static void main(String[] args) throws IOException {
    Path cache = Path.of(args[0]);
    int size = Integer.parseInt(args[1]);
    String kind = args[2];
    Path out = Path.of(args[3]);
    List<float[]> real =
        EmbeddingCache.open(cache, fingerprintOf(cache)).embeddings().stream()
            .map(Embedding::values)
            .toList();
    List<float[]> gallery =
        kind.equals("gauss")
            ? SyntheticTemplates.gaussian(real, size, SEED)
            : SyntheticTemplates.mixed(real, size, SEED);
    write(gallery, out.resolve(kind + "-" + size + ".f32"));
    write(SyntheticTemplates.nearReal(real, QUERIES, SEED + 1), out.resolve(kind + "-queries.f32"));
    System.out.println("real=" + real.size() + " gallery=" + gallery.size());
  }

  /** The pipeline fingerprint the cache was written with (its header: magic, then the string). */
  private static String fingerprintOf(Path cache) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
      in.readInt();
      return in.readUTF();
    }
  }

  private static void write(List<float[]> vectors, Path path) throws IOException {
    int dimension = vectors.get(0).length;
    ByteBuffer buffer =
        ByteBuffer.allocate(vectors.size() * dimension * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] vector : vectors) {
      for (float value : vector) {
        buffer.putFloat(value);
      }
    }
    buffer.flip();
    try (FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }
}
