package facegate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic galleries for the index benchmark, in two kinds.
 *
 * <ul>
 *   <li>{@code random}: independent uniform unit vectors. No structure at all: the hardest case for
 *       a graph index (every point is about equally far from every other).
 *   <li>{@code lfw}: the real embeddings first, then templates mixed from them: {@code
 *       normalize(a*r1 + (1-a)*r2 + sigma*g)} for two random real embeddings, {@code a} uniform in
 *       [0, 1] and Gaussian noise {@code g} of per-dimension deviation {@code sigma/sqrt(d)}.
 *       Queries are real embeddings with the same noise: another photo of someone like an enrolled
 *       person. This keeps the clustered shape of real embeddings at any size.
 * </ul>
 */
public final class SyntheticTemplates {
  /** Noise added to mixed templates and to queries (cosine to the noise-free vector ~0.96). */
  public static final double SIGMA = 0.3;

  private SyntheticTemplates() {}

  /** {@code count} uniform random unit vectors of {@code dimension}. */
  public static List<float[]> random(int count, int dimension, long seed) {
    Random random = new Random(seed);
    List<float[]> vectors = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] vector = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        vector[d] = (float) random.nextGaussian();
      }
      vectors.add(normalize(vector));
    }
    return vectors;
  }

  /**
   * The real embeddings (at most {@code count}), then mixed templates up to {@code count}.
   *
   * @param real unit vectors of one dimension, at least two
   */
  public static List<float[]> mixed(List<float[]> real, int count, long seed) {
    if (real.size() < 2) {
      throw new IllegalArgumentException("need at least two real embeddings, got " + real.size());
    }
    Random random = new Random(seed);
    List<float[]> vectors = new ArrayList<>(count);
    for (int i = 0; i < Math.min(count, real.size()); i++) {
      vectors.add(real.get(i).clone());
    }
    int dimension = real.get(0).length;
    double noise = SIGMA / Math.sqrt(dimension);
    while (vectors.size() < count) {
      float[] first = real.get(random.nextInt(real.size()));
      float[] second = real.get(random.nextInt(real.size()));
      double share = random.nextDouble();
      float[] vector = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        vector[d] =
            (float) (share * first[d] + (1 - share) * second[d] + noise * random.nextGaussian());
      }
      vectors.add(normalize(vector));
    }
    return vectors;
  }

  /** {@code count} queries near real embeddings: a random real one plus noise. */
  public static List<float[]> nearReal(List<float[]> real, int count, long seed) {
    Random random = new Random(seed);
    int dimension = real.get(0).length;
    double noise = SIGMA / Math.sqrt(dimension);
    List<float[]> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] base = real.get(random.nextInt(real.size()));
      float[] query = new float[dimension];
      for (int d = 0; d < dimension; d++) {
        query[d] = (float) (base[d] + noise * random.nextGaussian());
      }
      queries.add(normalize(query));
    }
    return queries;
  }

  /** {@code vector} scaled to unit length, in place; returned for chaining. */
  static float[] normalize(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    double norm = Math.sqrt(sum);
    for (int d = 0; d < vector.length; d++) {
      vector[d] = (float) (vector[d] / norm);
    }
    return vector;
  }
}
