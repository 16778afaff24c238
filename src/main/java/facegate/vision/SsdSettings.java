package facegate.vision;

/**
 * How {@link SsdFaceDetector} filters the network's anchors.
 *
 * @param minConfidence keep boxes scoring above this, in [0, 1); face-api's default is 0.5
 * @param maxResults at most this many faces per image, at least 1; face-api's default is 100
 * @param overlapIouThreshold a box overlapping a stronger kept box by more than this (intersection
 *     over union) is dropped, in [0, 1]; face-api uses 0.5
 * @param predictors network calls that may run at once, at least 1 (read by whoever loads the
 *     network, e.g. {@code DjlSsdMobilenet.load(modelDir, settings.predictors())})
 */
public record SsdSettings(
    double minConfidence, int maxResults, double overlapIouThreshold, int predictors) {
  public SsdSettings {
    if (!(minConfidence >= 0 && minConfidence < 1)) {
      throw new IllegalArgumentException("minConfidence must be in [0, 1): " + minConfidence);
    }
    if (maxResults < 1 || predictors < 1) {
      throw new IllegalArgumentException("maxResults and predictors must be at least 1");
    }
    if (!(overlapIouThreshold >= 0 && overlapIouThreshold <= 1)) {
      throw new IllegalArgumentException("overlapIouThreshold must be in [0, 1]");
    }
  }

  /** face-api's defaults (0.5, 100, 0.5) with 2 predictors. */
  public static SsdSettings defaults() {
    return new SsdSettings(0.5, 100, 0.5, 2);
  }

  public SsdSettings withMinConfidence(double value) {
    return new SsdSettings(value, maxResults, overlapIouThreshold, predictors);
  }

  public SsdSettings withMaxResults(int value) {
    return new SsdSettings(minConfidence, value, overlapIouThreshold, predictors);
  }

  public SsdSettings withPredictors(int value) {
    return new SsdSettings(minConfidence, maxResults, overlapIouThreshold, value);
  }
}
