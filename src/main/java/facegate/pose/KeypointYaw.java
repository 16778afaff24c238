package facegate.pose;

import facegate.core.FaceKeypoints;

/**
 * Yaw from MediaPipe's six keypoints: where the nose tip lies between the two ear tragions. A head
 * turned by yaw {@code a} about its vertical axis shows its tragions at {@code ±r cos a} from the
 * axis and its nose tip, {@code d} in front of it, at {@code d sin a}; so the nose's offset from
 * the tragions' midpoint divided by their half distance is {@code (d / r) tan a}, and {@code a =
 * atan(offset / (k * halfDistance))} with one constant {@code k = d / r}, fitted on CFP (see
 * docs/cfp.md). Only x coordinates are used (roll is ignored). On a profile the tragions nearly
 * coincide and the yaw tends to ±90°; coinciding tragions and nose give 0. Thread-safe.
 */
public final class KeypointYaw {
  /**
   * The shipped {@code k}: fitted on CFP's odd-numbered people (frontal vs profile labels of their
   * photos), checked on the even ones; see docs/cfp.md.
   */
  public static final double SHIPPED_NOSE_DEPTH = 1.12;

  private final double noseDepth;

  /**
   * @param noseDepth {@code k}, the nose tip's distance in front of the tragion axis in units of
   *     half the tragion distance; positive and finite
   */
  public KeypointYaw(double noseDepth) {
    if (!(noseDepth > 0) || !Double.isFinite(noseDepth)) {
      throw new IllegalArgumentException("nose depth must be positive and finite: " + noseDepth);
    }
    this.noseDepth = noseDepth;
  }

  /** The estimator with {@link #SHIPPED_NOSE_DEPTH}. */
  public static KeypointYaw shipped() {
    return new KeypointYaw(SHIPPED_NOSE_DEPTH);
  }

  /**
   * The yaw of the face with these keypoints in degrees, in [-90, 90]: positive when the nose
   * points towards the image's right edge (as {@link HeadPose#yawDegrees()}).
   */
  public double yawDegrees(FaceKeypoints keypoints) {
    double right = keypoints.x(FaceKeypoints.RIGHT_EAR);
    double left = keypoints.x(FaceKeypoints.LEFT_EAR);
    double halfDistance = Math.abs(left - right) / 2;
    double offset = keypoints.x(FaceKeypoints.NOSE_TIP) - (left + right) / 2;
    return Math.toDegrees(Math.atan2(offset, noseDepth * halfDistance));
  }
}
