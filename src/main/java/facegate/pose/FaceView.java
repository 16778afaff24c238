package facegate.pose;

/**
 * Which kind of face a photo shows, from its estimated yaw: {@code frontal} when |yaw| &lt; 15°,
 * {@code half} for 15° to 45°, {@code profile} beyond ({@link PoseBucket}); {@code unknown} when
 * the yaw could not be estimated.
 *
 * @param yawDegrees positive when the nose points towards the image's right edge; NaN when unknown
 */
public record FaceView(double yawDegrees) {
  /** A face whose yaw could not be estimated. */
  public static final FaceView UNKNOWN = new FaceView(Double.NaN);

  public FaceView {
    if (Double.isInfinite(yawDegrees) || Math.abs(yawDegrees) > 180) {
      throw new IllegalArgumentException("yaw must be in [-180, 180] or NaN: " + yawDegrees);
    }
  }

  /** Whether the yaw is known. */
  public boolean known() {
    return !Double.isNaN(yawDegrees);
  }

  /**
   * The yaw as answers show it: rounded to 0.1 degree; null when unknown (the API and CLI leave it
   * out or send null).
   */
  public Double roundedYawDegrees() {
    return known() ? Math.round(yawDegrees * 10) / 10.0 : null;
  }

  /** {@code frontal}, {@code half}, {@code profile} or {@code unknown}. */
  public String view() {
    return known() ? PoseBucket.of(yawDegrees).magnitudeName() : "unknown";
  }
}
