package facegate.pose;

/**
 * A head's orientation relative to the camera, in degrees.
 *
 * @param yawDegrees turn left-right: positive when the nose points towards the image's right edge,
 *     0 when the face looks straight at the camera, up to +-180
 * @param pitchDegrees nod: positive when the nose points up (towards the image's top edge)
 * @param rollDegrees in-plane tilt: positive when the line from the face's image-left eye to its
 *     image-right eye turns clockwise on screen (its right end goes down)
 * @param reprojectionPixels RMS distance between the landmarks and the fitted generic face's
 *     projected points, in image pixels; large when the face is unlike the generic one or the
 *     landmarks are wrong
 */
public record HeadPose(
    double yawDegrees, double pitchDegrees, double rollDegrees, double reprojectionPixels) {
  public HeadPose {
    if (!Double.isFinite(yawDegrees)
        || !Double.isFinite(pitchDegrees)
        || !Double.isFinite(rollDegrees)
        || !(reprojectionPixels >= 0)) {
      throw new IllegalArgumentException("pose angles must be finite");
    }
  }

  /** The yaw bucket of this pose. */
  public PoseBucket bucket() {
    return PoseBucket.of(yawDegrees);
  }
}
