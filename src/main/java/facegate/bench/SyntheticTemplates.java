package facegate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic galleries for the index benchmark, in three kinds.
 *
 * <ul>
 *   <li>{@code random}: independent uniform unit vectors. No structure at all: the hardest case for
 *       a graph index (every point is about equally far from every other).
 *   <li>{@code lfw}: the real embeddings first, then templates mixed from them: {@code
 *       normalize(a*r1 + (1-a)*r2 + sigma*g)} for two random real embeddings, {@code a} uniform in
 *       [0, 1] and Gaussian noise {@code g} of per-dimension deviation {@code sigma/sqrt(d)}.
 *       Queries are real embeddings with the same noise: another photo of someone like an enrolled
 *       person. This keeps the clustered shape of real embeddings at any size, but packs it: each
 *       real embedding gets a few dozen near-copies at 1M, which no gallery of distinct people has.
 *   <li>{@code gauss}: the real embeddings first, then new "people" drawn from a Gaussian with the
 *       real embeddings' mean and covariance, normalised: templates spread like faces, one per
 *       person. Queries as for {@code lfw}.
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

  /**
   * The real embeddings (at most {@code count}), then draws from the Gaussian fitted to them (their
   * mean and sample covariance), each normalised, up to {@code count}.
   *
   * @param real unit vectors of one dimension, more of them than the dimension (so the covariance
   *     is positive definite)
   */
  public static List<float[]> gaussian(List<float[]> real, int count, long seed) {
    int dimension = real.get(0).length;
    if (real.size() <= dimension) {
      throw new IllegalArgumentException(
          "need more real embeddings than dimensions (" + dimension + "), got " + real.size());
    }
    double[] mean = new double[dimension];
    for (float[] vector : real) {
      for (int d = 0; d < dimension; d++) {
        mean[d] += vector[d] / (double) real.size();
      }
    }
    double[][] factor = choleskyOfCovariance(real, mean);
    Random random = new Random(seed);
    List<float[]> vectors = new ArrayList<>(count);
    for (int i = 0; i < Math.min(count, real.size()); i++) {
      vectors.add(real.get(i).clone());
    }
    double[] normal = new double[dimension];
    while (vectors.size() < count) {
      for (int d = 0; d < dimension; d++) {
        normal[d] = random.nextGaussian();
      }
      float[] vector = new float[dimension];
      for (int row = 0; row < dimension; row++) {
        double value = mean[row];
        for (int column = 0; column <= row; column++) {
          value += factor[row][column] * normal[column];
        }
        vector[row] = (float) value;
      }
      vectors.add(normalize(vector));
    }
    return vectors;
  }

  /** The lower Cholesky factor L of the sample covariance (L L^T = covariance). */
  private static double[][] choleskyOfCovariance(List<float[]> real, double[] mean) {
    int dimension = mean.length;
    double[][] covariance = new double[dimension][dimension];
    for (float[] vector : real) {
      for (int row = 0; row < dimension; row++) {
        double centredRow = vector[row] - mean[row];
        for (int column = 0; column <= row; column++) {
          covariance[row][column] += centredRow * (vector[column] - mean[column]);
        }
      }
    }
    double[][] factor = new double[dimension][dimension];
    for (int row = 0; row < dimension; row++) {
      for (int column = 0; column <= row; column++) {
        double sum = covariance[row][column] / (real.size() - 1);
        for (int k = 0; k < column; k++) {
          sum -= factor[row][k] * factor[column][k];
        }
        if (row == column) {
          if (!(sum > 0)) {
            throw new IllegalArgumentException(
                "the real embeddings' covariance is singular: they span fewer than "
                    + dimension
                    + " dimensions");
          }
          factor[row][row] = Math.sqrt(sum);
        } else {
          factor[row][column] = sum / factor[column][column];
        }
      }
    }
    return factor;
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
