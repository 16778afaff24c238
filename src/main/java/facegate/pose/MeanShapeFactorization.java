package facegate.pose;

import facegate.core.Landmarks;
import java.util.List;

/**
 * Derives a generic 3D face from 2D landmarks of many faces at many poses by rank-3 factorisation
 * (Tomasi-Kanade structure from motion under scaled orthographic projection): every face is treated
 * as one view of one rigid mean shape. Each face is added with its mirror image, so that the shape
 * comes out left-right symmetric; the metric upgrade solves for the 3x3 transform that makes every
 * view's two projection rows orthogonal and of equal length. The result is rotated into the {@link
 * GenericFace3d} frame (eyes along x, mouth below them along y, nose towards the camera) and scaled
 * to an eye-centre distance of {@value #EYE_DISTANCE_MM} mm.
 */
public final class MeanShapeFactorization {
  /** Distance between the two eye centres of the result, in millimetres (adult average). */
  public static final double EYE_DISTANCE_MM = 63;

  private static final int N = GenericFace3d.COUNT;

  private MeanShapeFactorization() {}

  /**
   * @param faces landmarks of at least 10 faces; a wide spread of yaw makes the depth reliable
   */
  public static GenericFace3d derive(List<Landmarks> faces) {
    if (faces.size() < 10) {
      throw new IllegalArgumentException("need at least 10 faces, got " + faces.size());
    }
    double[][] covariance = new double[N][N];
    for (Landmarks face : faces) {
      for (boolean mirrored : new boolean[] {false, true}) {
        double[][] rows = centredRows(face, mirrored);
        for (double[] row : rows) {
          for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
              covariance[i][j] += row[i] * row[j];
            }
          }
        }
      }
    }
    double[][] basis = SymmetricEigen.of(covariance).vectors;
    double[][] metric = metricUpgrade(faces, basis);
    double[][] inverse = invertLowerTriangular(cholesky(metric));
    double[][] points = new double[N][3];
    for (int p = 0; p < N; p++) {
      for (int r = 0; r < 3; r++) {
        for (int k = 0; k < 3; k++) {
          points[p][r] += inverse[r][k] * basis[k][p];
        }
      }
    }
    return canonical(points);
  }

  /** The x row and the y row of one face, centred on their mean and scaled to unit RMS. */
  private static double[][] centredRows(Landmarks face, boolean mirrored) {
    double[] x = new double[N];
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      int source = mirrored ? LandmarkSymmetry.mirrorOf(i) : i;
      x[i] = mirrored ? -face.x(source) : face.x(source);
      y[i] = face.y(source);
    }
    double mx = mean(x);
    double my = mean(y);
    double sum = 0;
    for (int i = 0; i < N; i++) {
      x[i] -= mx;
      y[i] -= my;
      sum += x[i] * x[i] + y[i] * y[i];
    }
    double scale = Math.sqrt(sum / N);
    for (int i = 0; i < N; i++) {
      x[i] /= scale;
      y[i] /= scale;
    }
    return new double[][] {x, y};
  }

  /** The symmetric positive definite L with u'Lu = v'Lv and u'Lv = 0 for every view's rows. */
  private static double[][] metricUpgrade(List<Landmarks> faces, double[][] basis) {
    double[][] normal = new double[6][6];
    for (Landmarks face : faces) {
      for (boolean mirrored : new boolean[] {false, true}) {
        double[][] rows = centredRows(face, mirrored);
        double[] u = project(basis, rows[0]);
        double[] v = project(basis, rows[1]);
        double[] equal = subtract(quadratic(u, u), quadratic(v, v));
        double[] orthogonal = quadratic(u, v);
        for (double[] c : new double[][] {equal, orthogonal}) {
          for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
              normal[i][j] += c[i] * c[j];
            }
          }
        }
      }
    }
    double[] l = SymmetricEigen.of(normal).vectors[5];
    double[][] metric = {
      {l[0], l[1], l[2]},
      {l[1], l[3], l[4]},
      {l[2], l[4], l[5]}
    };
    if (metric[0][0] + metric[1][1] + metric[2][2] < 0) {
      for (double[] row : metric) {
        for (int j = 0; j < 3; j++) {
          row[j] = -row[j];
        }
      }
    }
    return metric;
  }

  private static double[] project(double[][] basis, double[] row) {
    double[] m = new double[3];
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < N; i++) {
        m[k] += basis[k][i] * row[i];
      }
    }
    return m;
  }

  /** Coefficients of a'Lb in L's six free entries (L11, L12, L13, L22, L23, L33). */
  private static double[] quadratic(double[] a, double[] b) {
    return new double[] {
      a[0] * b[0],
      a[0] * b[1] + a[1] * b[0],
      a[0] * b[2] + a[2] * b[0],
      a[1] * b[1],
      a[1] * b[2] + a[2] * b[1],
      a[2] * b[2]
    };
  }

  private static double[] subtract(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  static double[][] cholesky(double[][] m) {
    int n = m.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = m[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            throw new IllegalStateException(
                "the metric upgrade failed (not positive definite): the faces' poses are too"
                    + " alike or the landmarks too noisy");
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }

  private static double[][] invertLowerTriangular(double[][] l) {
    int n = l.length;
    double[][] inv = new double[n][n];
    for (int c = 0; c < n; c++) {
      for (int i = 0; i < n; i++) {
        double sum = i == c ? 1 : 0;
        for (int k = 0; k < i; k++) {
          sum -= l[i][k] * inv[k][c];
        }
        inv[i][c] = sum / l[i][i];
      }
    }
    return inv;
  }

  /** Rotates, reflects if needed, symmetrises, centres and scales into the GenericFace3d frame. */
  private static GenericFace3d canonical(double[][] p) {
    double[] leftEye = centroid(p, 36, 41);
    double[] rightEye = centroid(p, 42, 47);
    double[] mouth = centroid(p, 48, 67);
    double[] ex = normalize(subtract(rightEye, leftEye));
    double[] eyesMid = scaleAdd(leftEye, rightEye, 0.5);
    double[] down = subtract(mouth, eyesMid);
    double[] ey = normalize(subtract(down, scale(ex, dot(down, ex))));
    double[] ez = cross(ex, ey);
    double[] x = new double[N];
    double[] y = new double[N];
    double[] z = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = dot(p[i], ex);
      y[i] = dot(p[i], ey);
      z[i] = dot(p[i], ez);
    }
    if (z[30] > (z[0] + z[16]) / 2) {
      for (int i = 0; i < N; i++) {
        z[i] = -z[i];
      }
    }
    double[] sx = new double[N];
    double[] sy = new double[N];
    double[] sz = new double[N];
    for (int i = 0; i < N; i++) {
      int m = LandmarkSymmetry.mirrorOf(i);
      sx[i] = (x[i] - x[m]) / 2;
      sy[i] = (y[i] + y[m]) / 2;
      sz[i] = (z[i] + z[m]) / 2;
    }
    double my = mean(sy);
    double mz = mean(sz);
    double eyeDistance = Math.abs(mean(sx, 42, 47) - mean(sx, 36, 41));
    double s = EYE_DISTANCE_MM / eyeDistance;
    for (int i = 0; i < N; i++) {
      sx[i] *= s;
      sy[i] = (sy[i] - my) * s;
      sz[i] = (sz[i] - mz) * s;
    }
    return new GenericFace3d(sx, sy, sz);
  }

  private static double[] centroid(double[][] p, int from, int to) {
    double[] c = new double[3];
    for (int i = from; i <= to; i++) {
      for (int k = 0; k < 3; k++) {
        c[k] += p[i][k] / (to - from + 1);
      }
    }
    return c;
  }

  private static double mean(double[] v) {
    return mean(v, 0, v.length - 1);
  }

  private static double mean(double[] v, int from, int to) {
    double sum = 0;
    for (int i = from; i <= to; i++) {
      sum += v[i];
    }
    return sum / (to - from + 1);
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] scale(double[] a, double s) {
    return new double[] {a[0] * s, a[1] * s, a[2] * s};
  }

  private static double[] scaleAdd(double[] a, double[] b, double w) {
    return new double[] {
      a[0] * (1 - w) + b[0] * w, a[1] * (1 - w) + b[1] * w, a[2] * (1 - w) + b[2] * w
    };
  }

  private static double[] normalize(double[] a) {
    return scale(a, 1 / Math.sqrt(dot(a, a)));
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {
      a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]
    };
  }
}
