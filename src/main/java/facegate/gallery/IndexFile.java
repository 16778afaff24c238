package facegate.gallery;

import facegate.core.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved HNSW graph ({@code index.hnsw}, hnswlib's own Java-serialised form) and its sidecar
 * ({@code index.hnsw.sha256}: the file's SHA-256, the journal sequence number it reflects and the
 * graph parameters). A saved graph is a cache: it is loaded only when the sidecar matches the
 * gallery's current sequence number and parameters and the file's SHA-256 matches the sidecar, and
 * only then deserialised (from the very bytes that were hashed). In every other case (missing,
 * stale, damaged) the caller rebuilds the graph from the stored vectors and deletes the file, which
 * may hold people removed since. Removed templates' vectors are zeroed in a saved graph ({@link
 * TemplateIndex#remove}); a graph saved by an older version with removals is rejected.
 */
final class IndexFile {
  static final String GRAPH_FILE = "index.hnsw";
  static final String SIDECAR_FILE = "index.hnsw.sha256";
  private static final long MAX_LOAD_BYTES = 1L << 30;

  /** Sidecar key: removed nodes' vectors are zeroed (graphs saved before erasure kept them). */
  private static final String ZEROED = "removedVectorsZeroed";

  private static final Logger LOG = LoggerFactory.getLogger(IndexFile.class);

  private IndexFile() {}

  /** Saves {@code index} as reflecting change {@code sequence}: graph first, then the sidecar. */
  static void save(
      Path directory, TemplateIndex index, long sequence, int dimension, HnswParameters parameters)
      throws IOException {
    MessageDigest digest = sha256();
    AtomicFiles.replace(
        directory.resolve(GRAPH_FILE), out -> index.save(new DigestOutputStream(out, digest)));
    Properties sidecar = new Properties();
    sidecar.setProperty("sha256", HexFormat.of().formatHex(digest.digest()));
    sidecar.setProperty("sequence", Long.toString(sequence));
    sidecar.setProperty("dimension", Integer.toString(dimension));
    sidecar.setProperty("m", Integer.toString(parameters.m()));
    sidecar.setProperty("efConstruction", Integer.toString(parameters.efConstruction()));
    sidecar.setProperty("slotsUsed", Integer.toString(index.slotsUsed()));
    sidecar.setProperty("removals", Boolean.toString(index.hasRemovals()));
    sidecar.setProperty(ZEROED, "true");
    AtomicFiles.replace(
        directory.resolve(SIDECAR_FILE), out -> sidecar.store(out, "facegate HNSW graph"));
  }

  /** Deletes a saved graph, e.g. one that no longer reflects the gallery. */
  static void delete(Path directory) throws IOException {
    AtomicFiles.delete(directory.resolve(SIDECAR_FILE));
    AtomicFiles.delete(directory.resolve(GRAPH_FILE));
  }

  /** The saved graph if it is trustworthy and current for {@code view}'s content, else empty. */
  static Optional<TemplateIndex> load(
      Path directory, GalleryView view, int dimension, HnswParameters parameters) {
    Path graphFile = directory.resolve(GRAPH_FILE);
    Path sidecarFile = directory.resolve(SIDECAR_FILE);
    try {
      if (!Files.isRegularFile(graphFile) || !Files.isRegularFile(sidecarFile)) {
        return Optional.empty();
      }
      Properties sidecar = new Properties();
      sidecar.load(new StringReader(Files.readString(sidecarFile, StandardCharsets.ISO_8859_1)));
      if (!matches(sidecar, "sequence", view.sequence())
          || !matches(sidecar, "dimension", dimension)
          || !matches(sidecar, "m", parameters.m())
          || !matches(sidecar, "efConstruction", parameters.efConstruction())
          || Files.size(graphFile) > MAX_LOAD_BYTES) {
        return rejected("it is stale, too large or built with other parameters");
      }
      byte[] bytes = Files.readAllBytes(graphFile);
      String actual = HexFormat.of().formatHex(sha256().digest(bytes));
      if (!actual.equals(sidecar.getProperty("sha256"))) {
        return rejected("its SHA-256 does not match the sidecar");
      }
      int slotsUsed = Integer.parseInt(sidecar.getProperty("slotsUsed", "0"));
      boolean removals = Boolean.parseBoolean(sidecar.getProperty("removals", "true"));
      if (removals && !Boolean.parseBoolean(sidecar.getProperty(ZEROED, "false"))) {
        return rejected("it still holds removed templates' vectors (written by an older version)");
      }
      Optional<TemplateIndex> index;
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        index = TemplateIndex.load(in, dimension, parameters, slotsUsed, removals);
      }
      if (index.isEmpty() || !index.get().holdsExactly(view.people())) {
        return rejected("its content does not match the stored templates");
      }
      return index;
    } catch (IOException | RuntimeException e) {
      return rejected("it cannot be read: " + e);
    }
  }

  private static boolean matches(Properties sidecar, String key, long expected) {
    return Long.toString(expected).equals(sidecar.getProperty(key));
  }

  private static Optional<TemplateIndex> rejected(String reason) {
    LOG.info(
        "Rebuilding the HNSW graph from the stored templates: the saved graph is unusable, {}",
        reason);
    return Optional.empty();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
