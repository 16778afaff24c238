package facegate.pose;

/**
 * A 2D similarity x' = a·x − b·y + tx, y' = b·x + a·y + ty (rotation, uniform scale, shift), in
 * pixels: how the renderer maps the source photo's frame to the frame it draws in (the identity, or
 * the re-aligned chip).
 */
record PlaneSimilarity(double a, double b, double shiftX, double shiftY) {
  static final PlaneSimilarity IDENTITY = new PlaneSimilarity(1, 0, 0, 0);

  PlaneSimilarity {
    if (!Double.isFinite(a) || !Double.isFinite(b) || a * a + b * b == 0) {
      throw new IllegalArgumentException("a similarity needs a finite, non-zero scale");
    }
    if (!Double.isFinite(shiftX) || !Double.isFinite(shiftY)) {
      throw new IllegalArgumentException("shift must be finite");
    }
  }

  /**
   * The least-squares similarity taking {@code from[i]} to {@code to[i]} ({x, y} each); exact when
   * one exists. At least two distinct points.
   */
  static PlaneSimilarity fit(double[][] from, double[][] to) {
    int n = from.length;
    if (n < 2 || to.length != n) {
      throw new IllegalArgumentException("need at least two point pairs, as many on each side");
    }
    double fx = 0, fy = 0, tx = 0, ty = 0;
    for (int i = 0; i < n; i++) {
      fx += from[i][0] / n;
      fy += from[i][1] / n;
      tx += to[i][0] / n;
      ty += to[i][1] / n;
    }
    double dot = 0, cross = 0, norm = 0;
    for (int i = 0; i < n; i++) {
      double px = from[i][0] - fx, py = from[i][1] - fy;
      double qx = to[i][0] - tx, qy = to[i][1] - ty;
      dot += px * qx + py * qy;
      cross += px * qy - py * qx;
      norm += px * px + py * py;
    }
    double a = dot / norm;
    double b = cross / norm;
    return new PlaneSimilarity(a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy));
  }

  /** Pixels per source pixel. */
  double scale() {
    return Math.hypot(a, b);
  }

  /** The point {x, y, rest...} mapped; a third coordinate (depth) is kept. */
  double[] apply(double[] p) {
    double[] out = p.clone();
    out[0] = a * p[0] - b * p[1] + shiftX;
    out[1] = b * p[0] + a * p[1] + shiftY;
    return out;
  }
}
