package facegate.pose;

/**
 * Rotation matrices (model to camera) for a head pose given as {@link HeadPose} angles: roll about
 * the camera's z axis after pitch about x after yaw about y, so that {@link
 * HeadPoseEstimator#angles} recovers the angles.
 */
public final class FaceRotation {
  private FaceRotation() {}

  /** The rotation for yaw, pitch and roll in degrees (signs as {@link HeadPose} defines them). */
  public static double[][] matrix(double yawDegrees, double pitchDegrees, double rollDegrees) {
    double a = Math.toRadians(yawDegrees);
    double b = Math.toRadians(pitchDegrees);
    double c = Math.toRadians(rollDegrees);
    // Yaw: nose (model -z) towards +x. Rotation about y by -a maps (0,0,-1) to (sin a, 0, -cos a).
    double[][] yaw = {
      {Math.cos(a), 0, -Math.sin(a)},
      {0, 1, 0},
      {Math.sin(a), 0, Math.cos(a)}
    };
    // Pitch: nose towards -y (up). Maps (0,0,-1) to (0, -sin b, -cos b).
    double[][] pitch = {
      {1, 0, 0},
      {0, Math.cos(b), Math.sin(b)},
      {0, -Math.sin(b), Math.cos(b)}
    };
    // Roll: the eye line (x axis) turns clockwise on screen (towards +y).
    double[][] roll = {
      {Math.cos(c), -Math.sin(c), 0},
      {Math.sin(c), Math.cos(c), 0},
      {0, 0, 1}
    };
    return multiply(roll, multiply(pitch, yaw));
  }

  static double[][] multiply(double[][] p, double[][] q) {
    double[][] m = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          m[i][j] += p[i][k] * q[k][j];
        }
      }
    }
    return m;
  }
}
