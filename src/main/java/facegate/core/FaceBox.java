package facegate.core;

/**
 * A detected face, in pixels of the decoded image.
 *
 * @param x left edge
 * @param y top edge
 * @param width at least 1
 * @param height at least 1
 * @param score detector confidence; larger is more certain (cascade: neighbour count)
 * @param view which detector found it
 * @param keypoints six points of the face from detectors that give them (MediaPipe's), in pixels of
 *     the decoded image; null when the detector gives none (cascades, SSD)
 */
public record FaceBox(
    double x,
    double y,
    double width,
    double height,
    double score,
    View view,
    FaceKeypoints keypoints) {
  /** Which view of the face a detector was made for. */
  public enum View {
    FRONTAL,
    PROFILE_LEFT,
    PROFILE_RIGHT,
    ANY
  }

  public FaceBox {
    if (!(width > 0) || !(height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException(
          "invalid face box " + x + "," + y + " " + width + "x" + height);
    }
  }

  /** A box without keypoints. */
  public FaceBox(double x, double y, double width, double height, double score, View view) {
    this(x, y, width, height, score, view, null);
  }

  /** Whether the detector gave {@link #keypoints()}. */
  public boolean hasKeypoints() {
    return keypoints != null;
  }

  public double area() {
    return width * height;
  }

  public double centerX() {
    return x + width / 2;
  }

  public double centerY() {
    return y + height / 2;
  }

  /** Intersection over union with {@code other}, in [0, 1]. */
  public double iou(FaceBox other) {
    double left = Math.max(x, other.x);
    double top = Math.max(y, other.y);
    double right = Math.min(x + width, other.x + other.width);
    double bottom = Math.min(y + height, other.y + other.height);
    double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
    return intersection / (area() + other.area() - intersection);
  }
}
