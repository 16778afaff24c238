package facegate.pose;

import facegate.core.FaceBox;
import facegate.core.FaceViewSynthesizer;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Re-renders a face at other yaws with a generic 3D head (Masi et al.'s idea): the pose of the face
 * is estimated from its landmarks ({@link HeadPoseEstimator}), the generic depth is attached to the
 * landmarks (the 68 vertices sit exactly on the face's own landmarks; the added forehead and ring
 * vertices on the fitted generic head), the textured mesh is rotated to the target yaw (pitch and
 * roll kept) and drawn with a z-buffer under scaled orthographic projection. A triangle the source
 * view sees badly (turned away, or at a grazing angle) takes its texture from its mirror triangle,
 * which is filling by symmetry; pixels no triangle covers keep the source pixel. The result is
 * aligned again like {@link FaceAligner} (chip size of the input, padding 0.25).
 *
 * <p>Thread-safe. Name {@code 3d}; {@link #synthesize} gives one view per configured yaw and uses
 * no randomness.
 */
public final class FaceRenderer3d implements FaceViewSynthesizer {
  /** The default target yaws, degrees. */
  public static final List<Double> DEFAULT_YAWS = List.of(-60.0, -40.0, -20.0, 20.0, 40.0, 60.0);

  /** Below this cosine between a triangle's normal and the view, its mirror texture is used. */
  static final double VISIBLE_COSINE = 0.35;

  private final HeadPoseEstimator estimator;
  private final FaceMesh mesh;
  private final List<Double> yawsDegrees;

  public FaceRenderer3d(HeadPoseEstimator estimator, List<Double> yawsDegrees) {
    this.estimator = Objects.requireNonNull(estimator, "estimator");
    this.mesh = FaceMesh.around(estimator.face());
    this.yawsDegrees = List.copyOf(yawsDegrees);
  }

  /** The shipped generic face, rendering at {@link #DEFAULT_YAWS}. */
  public static FaceRenderer3d shipped() {
    return new FaceRenderer3d(HeadPoseEstimator.shipped(), DEFAULT_YAWS);
  }

  @Override
  public String name() {
    return "3d";
  }

  @Override
  public List<RgbImage> synthesize(RgbImage chip, Landmarks landmarks, Random random) {
    List<RgbImage> views = new ArrayList<>();
    for (double yaw : yawsDegrees) {
      views.add(render(chip, landmarks, yaw).alignedChip());
    }
    return views;
  }

  /** Renders only the one view, at one of its yaws chosen with {@code random}. */
  @Override
  public java.util.Optional<RgbImage> oneView(RgbImage chip, Landmarks landmarks, Random random) {
    double yaw = yawsDegrees.get(random.nextInt(yawsDegrees.size()));
    return java.util.Optional.of(render(chip, landmarks, yaw).alignedChip());
  }

  /** A rendered view: the image in the source's frame, its landmarks, and the re-aligned chip. */
  public record View(RgbImage image, Landmarks landmarks, RgbImage alignedChip) {}

  /** Renders the face of {@code image} (landmarks in its pixels) at {@code targetYawDegrees}. */
  public View render(RgbImage image, Landmarks landmarks, double targetYawDegrees) {
    HeadPose pose = estimator.estimate(landmarks);
    double[][] source =
        FaceRotation.matrix(pose.yawDegrees(), pose.pitchDegrees(), pose.rollDegrees());
    double[][] target =
        FaceRotation.matrix(targetYawDegrees, pose.pitchDegrees(), pose.rollDegrees());
    int n = mesh.vertexCount();
    double[][] camera = new double[n][];
    for (int i = 0; i < n; i++) {
      camera[i] = apply(source, mesh.x[i], mesh.y[i], mesh.z[i]);
    }
    double[] fit = fitScaleShift(camera, landmarks);
    double scale = fit[0];
    double[][] sourcePixels = new double[n][2];
    double[][] dest = new double[n][];
    for (int i = 0; i < n; i++) {
      boolean landmark = i < Landmarks.COUNT;
      sourcePixels[i][0] = landmark ? landmarks.x(i) : scale * camera[i][0] + fit[1];
      sourcePixels[i][1] = landmark ? landmarks.y(i) : scale * camera[i][1] + fit[2];
      // The person's own point: the landmark's position with the generic depth, in model axes.
      double[] own = {
        (sourcePixels[i][0] - fit[1]) / scale, (sourcePixels[i][1] - fit[2]) / scale, camera[i][2]
      };
      double[] model = applyTransposed(source, own);
      double[] turned = apply(target, model[0], model[1], model[2]);
      dest[i] = new double[] {scale * turned[0] + fit[1], scale * turned[1] + fit[2], turned[2]};
    }
    RgbImage rendered = rasterize(image, sourcePixels, dest, source);
    double[] xy = new double[Landmarks.COUNT * 2];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      xy[2 * i] = dest[i][0];
      xy[2 * i + 1] = dest[i][1];
    }
    Landmarks moved = new Landmarks(xy);
    FaceAligner aligner = new FaceAligner(image.width(), 0.25);
    FaceBox whole = new FaceBox(0, 0, image.width(), image.height(), 1, FaceBox.View.ANY);
    return new View(rendered, moved, aligner.align(rendered, whole, moved).chip());
  }

  private RgbImage rasterize(
      RgbImage image, double[][] sourcePixels, double[][] dest, double[][] sourceRotation) {
    int w = image.width();
    int h = image.height();
    byte[] out = image.rgb().clone();
    double[] depth = new double[w * h];
    java.util.Arrays.fill(depth, Double.POSITIVE_INFINITY);
    for (int[] t : mesh.triangles) {
      int[] m = {mesh.mirror[t[0]], mesh.mirror[t[1]], mesh.mirror[t[2]]};
      double own = facing(t, sourceRotation);
      double mirrored = facing(m, sourceRotation);
      double weight = own >= VISIBLE_COSINE || own >= mirrored ? 1 : clamp(own / VISIBLE_COSINE);
      drawTriangle(image, out, depth, t, m, weight, sourcePixels, dest);
    }
    return new RgbImage(w, h, out);
  }

  /** How squarely the source camera sees a triangle: cosine of its normal with the view axis. */
  private double facing(int[] t, double[][] rotation) {
    double[] a = {mesh.x[t[0]], mesh.y[t[0]], mesh.z[t[0]]};
    double[] b = {mesh.x[t[1]], mesh.y[t[1]], mesh.z[t[1]]};
    double[] c = {mesh.x[t[2]], mesh.y[t[2]], mesh.z[t[2]]};
    double ux = b[0] - a[0], uy = b[1] - a[1], uz = b[2] - a[2];
    double vx = c[0] - a[0], vy = c[1] - a[1], vz = c[2] - a[2];
    double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (length == 0) {
      return 0;
    }
    if (nz > 0) { // orient towards the camera of the frontal model (-z)
      nx = -nx;
      ny = -ny;
      nz = -nz;
    }
    double[] turned = apply(rotation, nx / length, ny / length, nz / length);
    return -turned[2];
  }

  private static void drawTriangle(
      RgbImage image,
      byte[] out,
      double[] depth,
      int[] t,
      int[] m,
      double weight,
      double[][] sourcePixels,
      double[][] dest) {
    int w = image.width();
    int h = image.height();
    double[] a = dest[t[0]], b = dest[t[1]], c = dest[t[2]];
    double area = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
    if (Math.abs(area) < 1e-9) {
      return;
    }
    int minX = Math.max(0, (int) Math.floor(Math.min(a[0], Math.min(b[0], c[0]))));
    int maxX = Math.min(w - 1, (int) Math.ceil(Math.max(a[0], Math.max(b[0], c[0]))));
    int minY = Math.max(0, (int) Math.floor(Math.min(a[1], Math.min(b[1], c[1]))));
    int maxY = Math.min(h - 1, (int) Math.ceil(Math.max(a[1], Math.max(b[1], c[1]))));
    double[] own = new double[3];
    double[] mirrored = new double[3];
    for (int y = minY; y <= maxY; y++) {
      for (int x = minX; x <= maxX; x++) {
        double l1 = ((x - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (y - a[1])) / area;
        double l2 = ((b[0] - a[0]) * (y - a[1]) - (x - a[0]) * (b[1] - a[1])) / area;
        double l0 = 1 - l1 - l2;
        if (l0 < -1e-6 || l1 < -1e-6 || l2 < -1e-6) {
          continue;
        }
        double z = l0 * a[2] + l1 * b[2] + l2 * c[2];
        int index = y * w + x;
        if (z >= depth[index]) {
          continue;
        }
        depth[index] = z;
        sample(image, l0, l1, l2, t, sourcePixels, own);
        if (weight < 1) {
          sample(image, l0, l1, l2, m, sourcePixels, mirrored);
        }
        for (int ch = 0; ch < 3; ch++) {
          double v = weight * own[ch] + (weight < 1 ? (1 - weight) * mirrored[ch] : 0);
          out[index * 3 + ch] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
      }
    }
  }

  private static void sample(
      RgbImage image, double l0, double l1, double l2, int[] t, double[][] p, double[] rgb) {
    double sx = l0 * p[t[0]][0] + l1 * p[t[1]][0] + l2 * p[t[2]][0];
    double sy = l0 * p[t[0]][1] + l1 * p[t[1]][1] + l2 * p[t[2]][1];
    int w = image.width();
    int h = image.height();
    sx = Math.max(0, Math.min(w - 1, sx));
    sy = Math.max(0, Math.min(h - 1, sy));
    int x0 = (int) Math.floor(sx);
    int y0 = (int) Math.floor(sy);
    int x1 = Math.min(w - 1, x0 + 1);
    int y1 = Math.min(h - 1, y0 + 1);
    double fx = sx - x0;
    double fy = sy - y0;
    for (int ch = 0; ch < 3; ch++) {
      double top = image.channel(x0, y0, ch) * (1 - fx) + image.channel(x1, y0, ch) * fx;
      double bottom = image.channel(x0, y1, ch) * (1 - fx) + image.channel(x1, y1, ch) * fx;
      rgb[ch] = top * (1 - fy) + bottom * fy;
    }
  }

  /** Least-squares scale s and shift (tx, ty) with s * camera.xy + t = landmarks (68 points). */
  private static double[] fitScaleShift(double[][] camera, Landmarks landmarks) {
    double qx = 0, qy = 0, ux = 0, uy = 0;
    int n = Landmarks.COUNT;
    for (int i = 0; i < n; i++) {
      qx += camera[i][0] / n;
      qy += camera[i][1] / n;
      ux += landmarks.x(i) / n;
      uy += landmarks.y(i) / n;
    }
    double dot = 0, norm = 0;
    for (int i = 0; i < n; i++) {
      double px = camera[i][0] - qx, py = camera[i][1] - qy;
      dot += px * (landmarks.x(i) - ux) + py * (landmarks.y(i) - uy);
      norm += px * px + py * py;
    }
    double s = dot / norm;
    return new double[] {s, ux - s * qx, uy - s * qy};
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static double[] apply(double[][] r, double x, double y, double z) {
    return new double[] {
      r[0][0] * x + r[0][1] * y + r[0][2] * z,
      r[1][0] * x + r[1][1] * y + r[1][2] * z,
      r[2][0] * x + r[2][1] * y + r[2][2] * z
    };
  }

  private static double[] applyTransposed(double[][] r, double[] v) {
    return new double[] {
      r[0][0] * v[0] + r[1][0] * v[1] + r[2][0] * v[2],
      r[0][1] * v[0] + r[1][1] * v[1] + r[2][1] * v[2],
      r[0][2] * v[0] + r[1][2] * v[1] + r[2][2] * v[2]
    };
  }
}
