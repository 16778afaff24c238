package facegate.pose;

/**
 * The Fréchet distance between Gaussians fitted to two sets of feature vectors (as FID does with
 * Inception features; the pose GAN's realism proxy uses face embeddings): |μa − μb|² + tr(Σa) +
 * tr(Σb) − 2 tr((Σa^½ Σb Σa^½)^½). 0 for identical statistics.
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  /**
   * @param a feature vectors, at least two, all of one length
   * @param b feature vectors of that length, at least two
   */
  public static double between(float[][] a, float[][] b) {
    if (a.length < 2 || b.length < 2 || a[0].length != b[0].length) {
      throw new IllegalArgumentException("need two sets of at least two vectors of one length");
    }
    double[] meanA = mean(a);
    double[] meanB = mean(b);
    double[][] covarianceA = covariance(a, meanA);
    double[][] covarianceB = covariance(b, meanB);
    double distance = 0;
    for (int i = 0; i < meanA.length; i++) {
      distance += (meanA[i] - meanB[i]) * (meanA[i] - meanB[i]);
      distance += covarianceA[i][i] + covarianceB[i][i];
    }
    double[][] rootA = squareRoot(covarianceA);
    double[][] product = multiply(multiply(rootA, covarianceB), rootA);
    double traceRoot = 0;
    for (double value : SymmetricEigen.of(symmetrised(product)).values) {
      traceRoot += Math.sqrt(Math.max(0, value));
    }
    return distance - 2 * traceRoot;
  }

  private static double[] mean(float[][] vectors) {
    double[] mean = new double[vectors[0].length];
    for (float[] v : vectors) {
      if (v.length != mean.length) {
        throw new IllegalArgumentException("vectors of different lengths");
      }
      for (int i = 0; i < v.length; i++) {
        mean[i] += v[i] / (double) vectors.length;
      }
    }
    return mean;
  }

  /** Sample covariance (n − 1). */
  private static double[][] covariance(float[][] vectors, double[] mean) {
    int d = mean.length;
    double[][] c = new double[d][d];
    for (float[] v : vectors) {
      for (int i = 0; i < d; i++) {
        double di = v[i] - mean[i];
        for (int j = i; j < d; j++) {
          c[i][j] += di * (v[j] - mean[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        c[i][j] /= vectors.length - 1;
        c[j][i] = c[i][j];
      }
    }
    return c;
  }

  /** The symmetric square root of a symmetric positive semi-definite matrix. */
  static double[][] squareRoot(double[][] matrix) {
    SymmetricEigen eigen = SymmetricEigen.of(matrix);
    int d = matrix.length;
    double[][] root = new double[d][d];
    for (int k = 0; k < d; k++) {
      double scale = Math.sqrt(Math.max(0, eigen.values[k]));
      double[] v = eigen.vectors[k];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          root[i][j] += scale * v[i] * v[j];
        }
      }
    }
    return root;
  }

  private static double[][] multiply(double[][] x, double[][] y) {
    int d = x.length;
    double[][] out = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        double xik = x[i][k];
        for (int j = 0; j < d; j++) {
          out[i][j] += xik * y[k][j];
        }
      }
    }
    return out;
  }

  private static double[][] symmetrised(double[][] m) {
    int d = m.length;
    double[][] s = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        s[i][j] = (m[i][j] + m[j][i]) / 2;
      }
    }
    return s;
  }
}
