package facegate.pose;

import facegate.core.RgbImage;

/**
 * Draws a textured {@link FaceMesh} with a z-buffer on a fresh canvas: each triangle's texture is
 * sampled from the source image (bilinear), from its mirror triangle when the source view sees it
 * badly (turned away, or at a grazing angle), blending the two in between. Behind the head, a
 * backdrop: a ring of quads from the mesh's {@link FaceMesh#outline} out to a far frame, textured
 * from the source image around the head, so the background is stretched to meet the turned head and
 * no part of the source face shows through where the turned head no longer covers it. Pixels
 * nothing covers (none, in practice) get the mean drawn colour. Thread-safe.
 */
final class MeshRasterizer {
  /** Below this cosine between a triangle's normal and the view, its mirror texture is used. */
  static final double VISIBLE_COSINE = 0.35;

  private final FaceMesh mesh;

  MeshRasterizer(FaceMesh mesh) {
    this.mesh = mesh;
  }

  /**
   * Box-blur radius of the texture of the backdrop and of the back of the head, as a fraction of
   * the image width: they are stretched from a thin band of the photo, and would show streaks.
   */
  private static final float BLUR_FRACTION = 0.08f;

  /** Depth of the backdrop: behind every vertex of the head. */
  private static final double BACKDROP_DEPTH = 1e9;

  /**
   * Draws the mesh textured from {@code image} (vertex positions {@code sourcePixels}) at the
   * projected positions {@code dest} (pixels and depth, in the source image's frame) mapped by
   * {@code toCanvas}, on a {@code width} x {@code height} canvas.
   */
  RgbImage draw(
      RgbImage image,
      double[][] sourcePixels,
      double[][] dest,
      double[][] sourceRotation,
      PlaneSimilarity toCanvas,
      int width,
      int height) {
    byte[] out = new byte[width * height * 3];
    double[] depth = new double[width * height];
    java.util.Arrays.fill(depth, Double.POSITIVE_INFINITY);
    RgbImage filled = TextureFill.filled(image);
    int n = dest.length;
    double[][] texture = new double[n][];
    double[][] placed = new double[n][];
    for (int i = 0; i < n; i++) {
      texture[i] = sourcePixels[mesh.texture[i]];
      placed[i] = toCanvas.apply(dest[i]);
    }
    RgbImage blurred =
        TextureFill.mixed(
            filled,
            TextureFill.blurred(filled, Math.max(1, Math.round(BLUR_FRACTION * image.width()))),
            outlineShift(texture, placed, toCanvas) / (BLUR_FRACTION * image.width()));
    Canvas canvas = new Canvas(filled, blurred, out, depth, width, height);
    drawBackdrop(canvas, texture, placed, toCanvas);
    for (int[] t : mesh.triangles) {
      int[] m = {mesh.mirror[t[0]], mesh.mirror[t[1]], mesh.mirror[t[2]]};
      double own = facing(t, sourceRotation);
      double mirrored = facing(m, sourceRotation);
      double weight = own >= VISIBLE_COSINE || own >= mirrored ? 1 : clamp(own / VISIBLE_COSINE);
      boolean back =
          mesh.texture[t[0]] != t[0] || mesh.texture[t[1]] != t[1] || mesh.texture[t[2]] != t[2];
      drawTriangle(canvas, back ? canvas.blurred : canvas.image, t, m, weight, texture, placed);
    }
    fillUncovered(canvas);
    return new RgbImage(width, height, out);
  }

  /**
   * Quads from the outline (drawn at the head's position) to a frame far outside the image
   * (textured from the same far frame around the head in the source, drawn where the canvas mapping
   * puts it): the background moves with the camera, stretched to meet the head's edge.
   */
  private void drawBackdrop(
      Canvas canvas, double[][] texture, double[][] placed, PlaneSimilarity toCanvas) {
    int k = mesh.outline.length;
    double cx = 0, cy = 0;
    for (int v : mesh.outline) {
      cx += texture[v][0] / k;
      cy += texture[v][1] / k;
    }
    double far = 4.0 * Math.max(canvas.image.width(), canvas.image.height());
    double[][] source = new double[2 * k][];
    double[][] drawn = new double[2 * k][];
    for (int i = 0; i < k; i++) {
      double[] edge = texture[mesh.outline[i]];
      double dx = edge[0] - cx, dy = edge[1] - cy;
      double length = Math.max(1e-9, Math.hypot(dx, dy));
      source[i] = edge;
      drawn[i] = new double[] {placed[mesh.outline[i]][0], placed[mesh.outline[i]][1], 0};
      source[k + i] = new double[] {cx + dx / length * far, cy + dy / length * far};
      drawn[k + i] = toCanvas.apply(new double[] {source[k + i][0], source[k + i][1], 0});
    }
    for (double[] p : drawn) {
      p[2] = BACKDROP_DEPTH;
    }
    for (int i = 0; i < k; i++) {
      int next = (i + 1) % k;
      int[] first = {i, next, k + next};
      int[] second = {i, k + next, k + i};
      drawTriangle(canvas, canvas.blurred, first, first, 1, source, drawn);
      drawTriangle(canvas, canvas.blurred, second, second, 1, source, drawn);
    }
  }

  /**
   * How far the head's outline moved across the background, pixels (mean over its vertices): the
   * backdrop's texture is blurred in proportion, so that an unturned face keeps its background.
   */
  private double outlineShift(double[][] texture, double[][] placed, PlaneSimilarity toCanvas) {
    double sum = 0;
    for (int v : mesh.outline) {
      double[] still = toCanvas.apply(texture[v]);
      sum += Math.hypot(placed[v][0] - still[0], placed[v][1] - still[1]) / toCanvas.scale();
    }
    return sum / mesh.outline.length;
  }

  /** Gives pixels no triangle covered the mean colour of those that were. */
  private static void fillUncovered(Canvas canvas) {
    double[] sum = new double[3];
    int covered = 0;
    for (int i = 0; i < canvas.depth.length; i++) {
      if (canvas.depth[i] != Double.POSITIVE_INFINITY) {
        covered++;
        for (int ch = 0; ch < 3; ch++) {
          sum[ch] += canvas.out[i * 3 + ch] & 0xff;
        }
      }
    }
    if (covered == canvas.depth.length || covered == 0) {
      return;
    }
    for (int i = 0; i < canvas.depth.length; i++) {
      if (canvas.depth[i] == Double.POSITIVE_INFINITY) {
        for (int ch = 0; ch < 3; ch++) {
          canvas.out[i * 3 + ch] = (byte) Math.round(sum[ch] / covered);
        }
      }
    }
  }

  /** The texture, and the drawing with its z-buffer. */
  private record Canvas(
      RgbImage image, RgbImage blurred, byte[] out, double[] depth, int width, int height) {}

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
      Canvas canvas,
      RgbImage image,
      int[] t,
      int[] m,
      double weight,
      double[][] sourcePixels,
      double[][] dest) {
    byte[] out = canvas.out;
    double[] depth = canvas.depth;
    int w = canvas.width;
    int h = canvas.height;
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
