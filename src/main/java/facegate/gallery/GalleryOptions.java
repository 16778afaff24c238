package facegate.gallery;

import java.util.Objects;

/**
 * How to open an {@link HnswGallery}.
 *
 * @param modelName the embedding model whose templates the gallery holds: 1-200 printable
 *     characters; a gallery created for another model refuses to open
 * @param dimension the model's embedding dimension, 1-65536
 * @param hnsw graph parameters; changing M or efConstruction rebuilds the graph on open
 * @param compactionThresholdBytes the journal size above which a change triggers compaction, at
 *     least 1
 */
public record GalleryOptions(
    String modelName, int dimension, HnswParameters hnsw, long compactionThresholdBytes) {
  /** Compact once the journal passes 64 MiB. */
  public static final long DEFAULT_COMPACTION_THRESHOLD_BYTES = 64L << 20;

  public GalleryOptions {
    Objects.requireNonNull(modelName, "modelName");
    if (modelName.isBlank()
        || modelName.length() > 200
        || modelName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "model name must be 1-200 printable characters: '" + modelName + "'");
    }
    if (dimension < 1 || dimension > 65536) {
      throw new IllegalArgumentException("dimension must be in 1..65536: " + dimension);
    }
    Objects.requireNonNull(hnsw, "hnsw");
    if (compactionThresholdBytes < 1) {
      throw new IllegalArgumentException(
          "compaction threshold must be positive: " + compactionThresholdBytes);
    }
  }

  /** Default HNSW parameters and compaction threshold. */
  public static GalleryOptions of(String modelName, int dimension) {
    return new GalleryOptions(
        modelName, dimension, HnswParameters.DEFAULTS, DEFAULT_COMPACTION_THRESHOLD_BYTES);
  }

  /** These options with another compaction threshold. */
  public GalleryOptions withCompactionThresholdBytes(long bytes) {
    return new GalleryOptions(modelName, dimension, hnsw, bytes);
  }

  /** These options with other HNSW parameters. */
  public GalleryOptions withHnsw(HnswParameters parameters) {
    return new GalleryOptions(modelName, dimension, parameters, compactionThresholdBytes);
  }
}
