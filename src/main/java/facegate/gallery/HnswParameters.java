package facegate.gallery;

/**
 * How the HNSW graph is built and searched. Larger values give better recall for more memory and
 * time.
 *
 * @param m links per node and layer, 2-256 (hnswlib's {@code M})
 * @param efConstruction candidate list size while inserting, at least {@code m}
 * @param ef candidate list size while searching, at least 1; a search for {@code k} templates uses
 *     {@code max(ef, k)}
 */
public record HnswParameters(int m, int efConstruction, int ef) {
  /** M=16, efConstruction=200, ef=100: recall@10 above 0.95 on 128-d random unit vectors. */
  public static final HnswParameters DEFAULTS = new HnswParameters(16, 200, 100);

  public HnswParameters {
    if (m < 2 || m > 256) {
      throw new IllegalArgumentException("HNSW m must be in 2..256: " + m);
    }
    if (efConstruction < m) {
      throw new IllegalArgumentException(
          "HNSW efConstruction must be at least m (" + m + "): " + efConstruction);
    }
    if (ef < 1) {
      throw new IllegalArgumentException("HNSW ef must be at least 1: " + ef);
    }
  }
}
