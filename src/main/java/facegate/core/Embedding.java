package facegate.core;

import java.util.Arrays;

/**
 * A face descriptor, L2-normalised by the embedder that made it. Similarity between two embeddings
 * is their cosine, which for unit vectors is the dot product, in [-1, 1].
 *
 * @param values the unit-length vector; all finite, not all zero
 */
public record Embedding(float[] values) {
  public Embedding {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("an embedding needs at least one dimension");
    }
    double squares = 0;
    for (float v : values) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("embedding value is not finite: " + v);
      }
      squares += v * v;
    }
    if (Math.abs(squares - 1) > 1e-3) {
      throw new IllegalArgumentException("embedding is not unit length: |v|^2=" + squares);
    }
    values = values.clone();
  }

  /** Scales {@code raw} to unit length; fails on an all-zero or non-finite vector. */
  public static Embedding normalize(float[] raw) {
    double squares = 0;
    for (float v : raw) {
      squares += (double) v * v;
    }
    double norm = Math.sqrt(squares);
    if (!(norm > 0) || !Double.isFinite(norm)) {
      throw new IllegalArgumentException("cannot normalise a zero or non-finite vector");
    }
    float[] unit = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      unit[i] = (float) (raw[i] / norm);
    }
    return new Embedding(unit);
  }

  public int dimension() {
    return values.length;
  }

  /** Cosine similarity with {@code other}; both must have the same dimension. */
  public double cosine(Embedding other) {
    if (other.values.length != values.length) {
      throw new IllegalArgumentException(
          "dimension mismatch: " + values.length + " vs " + other.values.length);
    }
    double dot = 0;
    for (int i = 0; i < values.length; i++) {
      dot += (double) values[i] * other.values[i];
    }
    return dot;
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Embedding that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Embedding[dimension=" + values.length + "]";
  }
}
