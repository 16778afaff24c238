package facegate.vision;

/**
 * How {@link MediaPipeFaceDetector} filters and merges its anchors.
 *
 * @param minScore keep anchors whose face probability is at least this, in [0, 1); MediaPipe's
 *     full-range graph uses 0.6 (facegate's default 0.5: measured in docs/vision-detect-rate.md)
 * @param overlapIouThreshold anchors overlapping a stronger one by more than this are merged into
 *     it, in [0, 1]; MediaPipe uses 0.3
 * @param maxResults at most this many faces per image, at least 1
 * @param fill the fraction of the network's square the letterboxed photo's longer side takes, in
 *     (0, 1]; 1 is MediaPipe's letterbox, less adds a black margin all round (faces that fill the
 *     frame are found more surely with some margin: docs/vision-detect-rate.md)
 */
public record MediaPipeSettings(
    double minScore, double overlapIouThreshold, int maxResults, double fill) {
  public MediaPipeSettings {
    if (!(minScore >= 0 && minScore < 1)) {
      throw new IllegalArgumentException("minScore must be in [0, 1): " + minScore);
    }
    if (!(overlapIouThreshold >= 0 && overlapIouThreshold <= 1)) {
      throw new IllegalArgumentException("overlapIouThreshold must be in [0, 1]");
    }
    if (!(fill > 0 && fill <= 1)) {
      throw new IllegalArgumentException("fill must be in (0, 1]: " + fill);
    }
    if (maxResults < 1) {
      throw new IllegalArgumentException("maxResults must be at least 1");
    }
  }

  /** minScore 0.5, IoU 0.3, at most 100 faces, fill 1. */
  public static MediaPipeSettings defaults() {
    return new MediaPipeSettings(0.5, 0.3, 100, 1);
  }

  public MediaPipeSettings withMinScore(double value) {
    return new MediaPipeSettings(value, overlapIouThreshold, maxResults, fill);
  }

  public MediaPipeSettings withFill(double value) {
    return new MediaPipeSettings(minScore, overlapIouThreshold, maxResults, value);
  }
}
