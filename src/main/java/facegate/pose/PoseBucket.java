package facegate.pose;

import java.util.Locale;

/**
 * Yaw domains: frontal when |yaw| &lt; 15 degrees, half-turned for 15 to 45, profile beyond 45, by
 * the side the nose points to in the image (see {@link HeadPose#yawDegrees()}).
 */
public enum PoseBucket {
  PROFILE_LEFT(-75),
  HALF_LEFT(-30),
  FRONTAL(0),
  HALF_RIGHT(30),
  PROFILE_RIGHT(75);

  /** Upper bound of |yaw| for {@link #FRONTAL}, in degrees. */
  public static final double FRONTAL_LIMIT_DEGREES = 15;

  /** Upper bound of |yaw| for the half-turned buckets, in degrees. */
  public static final double HALF_LIMIT_DEGREES = 45;

  private final double typicalYawDegrees;

  PoseBucket(double typicalYawDegrees) {
    this.typicalYawDegrees = typicalYawDegrees;
  }

  /** A representative yaw of this bucket, in degrees (its middle; 75 for the open profile ones). */
  public double typicalYawDegrees() {
    return typicalYawDegrees;
  }

  /** The bucket of {@code yawDegrees}; NaN fails. */
  public static PoseBucket of(double yawDegrees) {
    if (Double.isNaN(yawDegrees)) {
      throw new IllegalArgumentException("yaw is NaN");
    }
    double magnitude = Math.abs(yawDegrees);
    if (magnitude < FRONTAL_LIMIT_DEGREES) {
      return FRONTAL;
    }
    boolean right = yawDegrees > 0;
    if (magnitude <= HALF_LIMIT_DEGREES) {
      return right ? HALF_RIGHT : HALF_LEFT;
    }
    return right ? PROFILE_RIGHT : PROFILE_LEFT;
  }

  /** Frontal, half or profile, without the side. */
  public String magnitudeName() {
    return switch (this) {
      case FRONTAL -> "frontal";
      case HALF_LEFT, HALF_RIGHT -> "half";
      case PROFILE_LEFT, PROFILE_RIGHT -> "profile";
    };
  }

  /** The lower-case name used in tables, such as {@code half-left}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The bucket with the given {@link #label()}. */
  public static PoseBucket fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
