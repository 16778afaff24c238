package facegate.core;

/** Validation shared by the point-set records ({@link Landmarks}, {@link FaceKeypoints}). */
final class Coordinates {
  private Coordinates() {}

  /**
   * A copy of {@code xy} after checking it holds {@code points} finite (x, y) pairs; {@code what}
   * names a coordinate in the messages ("landmark", "keypoint").
   */
  static double[] checkedCopy(double[] xy, int points, String what) {
    if (xy == null || xy.length != points * 2) {
      throw new IllegalArgumentException("expected " + points * 2 + " " + what + " coordinates");
    }
    for (double v : xy) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(what + " coordinate is not finite: " + v);
      }
    }
    return xy.clone();
  }
}
