package facegate.vision;

/**
 * A 2D similarity transform {@code x' = a*x - b*y + tx, y' = b*x + a*y + ty}: rotation and uniform
 * scale {@code (a, b)}, then translation.
 */
record SimilarityTransform(double a, double b, double tx, double ty) {
  SimilarityTransform {
    if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(tx) && Double.isFinite(ty))
        || a * a + b * b == 0) {
      throw new IllegalArgumentException("degenerate similarity transform");
    }
  }

  /**
   * The least-squares similarity transform mapping {@code source} points onto {@code target} points
   * (Umeyama's closed form for 2D). Both arrays hold x0, y0, x1, y1, ...; at least two distinct
   * points are needed.
   */
  static SimilarityTransform estimate(double[] source, double[] target) {
    if (source.length != target.length || source.length < 4 || source.length % 2 != 0) {
      throw new IllegalArgumentException("need matching arrays of at least two points");
    }
    int n = source.length / 2;
    double sx = 0, sy = 0, tx = 0, ty = 0;
    for (int i = 0; i < n; i++) {
      sx += source[2 * i];
      sy += source[2 * i + 1];
      tx += target[2 * i];
      ty += target[2 * i + 1];
    }
    sx /= n;
    sy /= n;
    tx /= n;
    ty /= n;
    double dot = 0, cross = 0, norm = 0;
    for (int i = 0; i < n; i++) {
      double px = source[2 * i] - sx, py = source[2 * i + 1] - sy;
      double qx = target[2 * i] - tx, qy = target[2 * i + 1] - ty;
      dot += px * qx + py * qy;
      cross += px * qy - py * qx;
      norm += px * px + py * py;
    }
    if (norm == 0) {
      throw new IllegalArgumentException("source points coincide");
    }
    double a = dot / norm;
    double b = cross / norm;
    return new SimilarityTransform(a, b, tx - (a * sx - b * sy), ty - (b * sx + a * sy));
  }

  double scale() {
    return Math.hypot(a, b);
  }

  double applyX(double x, double y) {
    return a * x - b * y + tx;
  }

  double applyY(double x, double y) {
    return b * x + a * y + ty;
  }

  SimilarityTransform inverse() {
    double squared = a * a + b * b;
    double ia = a / squared;
    double ib = -b / squared;
    return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
  }

  /**
   * This transform applied to an image first shrunk by {@code factor} (whose pixel {@code p} covers
   * the original pixels {@code factor*p .. factor*p + factor - 1}).
   */
  SimilarityTransform afterScaling(int factor) {
    double offset = (factor - 1) / 2.0;
    double x0 = applyX(offset, offset);
    double y0 = applyY(offset, offset);
    return new SimilarityTransform(a * factor, b * factor, x0, y0);
  }
}
