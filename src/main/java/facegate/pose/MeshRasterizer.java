package facegate.pose;

import facegate.core.RgbImage;

/**
 * Draws a textured {@link FaceMesh} with a z-buffer: each triangle's texture is sampled from the
 * source image (bilinear), from its mirror triangle when the source view sees it badly (turned
 * away, or at a grazing angle), blending the two in between. Pixels no triangle covers keep the
 * source pixel. Thread-safe.
 */
final class MeshRasterizer {
  /** Below this cosine between a triangle's normal and the view, its mirror texture is used. */
  static final double VISIBLE_COSINE = 0.35;

  private final FaceMesh mesh;

  MeshRasterizer(FaceMesh mesh) {
    this.mesh = mesh;
  }

  /**
   * Draws the mesh textured from {@code image} (vertex positions {@code sourcePixels}) at the
   * projected positions {@code dest} (pixels and depth), over a copy of {@code image}.
   */
  RgbImage draw(
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
    double[] turned = MeshPlacement.apply(rotation, nx / length, ny / length, nz / length);
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

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
