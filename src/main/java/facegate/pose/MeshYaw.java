package facegate.pose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Yaw from MediaPipe FaceMesh's 468 3-D points ({@code x} right, {@code y} down, {@code z} away
 * from the camera, row-major {@code x, y, z} per point), in degrees, positive when the nose points
 * towards the image's right edge (as {@link HeadPose#yawDegrees()}). Two readings:
 *
 * <ul>
 *   <li>{@link #eyeCornerYawDegrees}: human's ({@code src/face/angles.ts}): the angle of the line
 *       from the outer corner of the face's right eye (point {@value #RIGHT_EYE_OUTER}) to that of
 *       its left eye ({@value #LEFT_EYE_OUTER}) in the x-z plane, {@code atan2(dz, dx)}.
 *   <li>{@link #fittedYawDegrees}: the rotation that best carries a frontal canonical mesh onto the
 *       points (least squares after centring both, Horn's quaternion solution), read as the
 *       horizontal angle of the direction the canonical face looks in ({@code -z}).
 * </ul>
 *
 * A mesh with a coincident eye line (both corners at one point) reads 0. Thread-safe.
 */
public final class MeshYaw {
  /** Mesh points. */
  public static final int POINTS = 468;

  /** Outer corner of the face's right eye (on the image's left in a frontal photo). */
  public static final int RIGHT_EYE_OUTER = 33;

  /** Outer corner of the face's left eye. */
  public static final int LEFT_EYE_OUTER = 263;

  static final String CANONICAL_RESOURCE = "/facegate/pose/facemesh-canonical-468.tsv";

  private final double[] canonical;

  private MeshYaw(double[] canonical) {
    this.canonical = canonical;
  }

  /**
   * The fit against {@code canonical} (468 x 3 values, any position and scale; a frontal face, x
   * right, y down, z away from the camera).
   */
  public static MeshYaw fittedTo(double[] canonical) {
    if (canonical.length != POINTS * 3) {
      throw new IllegalArgumentException(
          "expected " + POINTS * 3 + " values, got " + canonical.length);
    }
    return new MeshYaw(centred(canonical));
  }

  /**
   * The fit against the canonical mesh shipped in the jar: FaceMesh's mean output on frontal CFP
   * chips of the odd-numbered people, symmetrised (docs/results/turn/README.md).
   */
  public static MeshYaw shipped() {
    try (InputStream in = MeshYaw.class.getResourceAsStream(CANONICAL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + CANONICAL_RESOURCE);
      }
      return fittedTo(
          parse(
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                  .lines()
                  .toList()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CANONICAL_RESOURCE, e);
    }
  }

  /** Parses lines {@code index x y z}; lines starting with {@code #} are comments. */
  static double[] parse(List<String> lines) {
    double[][] points = TextFiles.indexedPoints(lines, POINTS);
    double[] values = new double[POINTS * 3];
    for (int i = 0; i < POINTS; i++) {
      System.arraycopy(points[i], 0, values, i * 3, 3);
    }
    return values;
  }

  /** The yaw of {@code mesh} by the fit against this estimator's canonical mesh. */
  public double yawDegrees(float[] mesh) {
    return fittedYawDegrees(mesh, canonical);
  }

  /** human's eye-corner yaw of {@code mesh} (468 x 3 values). */
  public static double eyeCornerYawDegrees(float[] mesh) {
    requireMesh(mesh.length);
    double dx = mesh[LEFT_EYE_OUTER * 3] - mesh[RIGHT_EYE_OUTER * 3];
    double dz = mesh[LEFT_EYE_OUTER * 3 + 2] - mesh[RIGHT_EYE_OUTER * 3 + 2];
    return Math.toDegrees(Math.atan2(dz, dx));
  }

  /**
   * The yaw of the rotation carrying {@code canonical} (centred, 468 x 3) onto {@code mesh} best in
   * the least-squares sense; in (-180, 180], within [-90, 90] for a face seen from the front.
   */
  static double fittedYawDegrees(float[] mesh, double[] canonical) {
    requireMesh(mesh.length);
    double[] points = new double[mesh.length];
    for (int i = 0; i < mesh.length; i++) {
      points[i] = mesh[i];
    }
    double[][] rotation = bestRotation(canonical, centred(points));
    // the canonical face looks along -z; where does the rotation send that direction?
    double lookX = -rotation[0][2];
    double lookZ = -rotation[2][2];
    return Math.toDegrees(Math.atan2(lookX, -lookZ));
  }

  /**
   * Horn's closed form: the rotation {@code R} minimising {@code sum |R a_i - b_i|^2} over centred
   * point sets, from the top eigenvector (a unit quaternion) of a 4x4 symmetric matrix.
   */
  static double[][] bestRotation(double[] a, double[] b) {
    double[][] s = new double[3][3];
    for (int i = 0; i < a.length; i += 3) {
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          s[r][c] += a[i + r] * b[i + c];
        }
      }
    }
    double xx = s[0][0];
    double xy = s[0][1];
    double xz = s[0][2];
    double yx = s[1][0];
    double yy = s[1][1];
    double yz = s[1][2];
    double zx = s[2][0];
    double zy = s[2][1];
    double zz = s[2][2];
    double[][] n = {
      {xx + yy + zz, yz - zy, zx - xz, xy - yx},
      {yz - zy, xx - yy - zz, xy + yx, zx + xz},
      {zx - xz, xy + yx, -xx + yy - zz, yz + zy},
      {xy - yx, zx + xz, yz + zy, -xx - yy + zz}
    };
    double[] q = SymmetricEigen.of(n).vectors[0];
    double w = q[0];
    double x = q[1];
    double y = q[2];
    double z = q[3];
    return new double[][] {
      {w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y)},
      {2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x)},
      {2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z}
    };
  }

  private static double[] centred(double[] values) {
    double[] mean = new double[3];
    for (int i = 0; i < values.length; i++) {
      mean[i % 3] += values[i] / (values.length / 3);
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] - mean[i % 3];
    }
    return out;
  }

  private static void requireMesh(int length) {
    if (length != POINTS * 3) {
      throw new IllegalArgumentException("expected " + POINTS * 3 + " values, got " + length);
    }
  }
}
