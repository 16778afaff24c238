package facegate.pose;

import facegate.core.Landmarks;

/**
 * How the chip of a face turned towards profile is framed: as the pipeline frames real profiles.
 * The frontal alignment (eyes, nose and upper mouth fitted to dlib's frontal mean face) has nothing
 * to hold on at 90°, where those points fall on one vertical line: it keeps the face at a frontal
 * face's size and centres the chip on the front of the head. The pipeline's chips of real CFP
 * profiles (its detector and landmark network on the photo, then the same alignment) are framed
 * differently: measured with CFP's hand-marked profile points mapped into those chips, the nose tip
 * sits at 0.63 of the chip's width, the eye at 0.36, the top of the jaw (at the ear) outside the
 * chip, and the face is larger.
 *
 * <p>{@link #similarity} fits the turned face's visible-side landmarks (nose tip 30, the near eye's
 * centre, near brow centre, near mouth corner, chin 8, near jaw top) to those median positions
 * ({@link #TARGET}, for a face looking to the image's right; mirrored for the other side), from
 * {@link #PROFILE_DEGREES} on; below it the frontal alignment is kept.
 */
final class ProfileFraming {
  /**
   * Median positions in a 150 px chip of real CFP profiles looking right (x, y): nose tip, eye
   * centre, brow centre, mouth corner, chin, top of the jaw. From {@code
   * docs/results/turn/RealFraming.java} over CFP's profiles (see docs/results/turn/README.md).
   */
  static final double[][] TARGET = {
    {95.0, 78.0}, {54.0, 44.0}, {56.0, 26.0}, {53.5, 106.0}, {66.0, 145.0}, {-23.0, 48.0}
  };

  /** The 150 px chip {@link #TARGET} was measured in. */
  static final double TARGET_CHIP = 150;

  /**
   * From this |yaw| on, a view is drawn with {@link ProfileDepth}'s deeper mesh and framed as real
   * profiles are; below it with the generic mesh and the frontal alignment. At ±60° the generic
   * depth and frontal alignment were measured better (pose hit 0.53/0.46 against 0.00/0.06 with the
   * deep mesh and a partly profile framing; docs/results/turn/README.md); at ±90° the deep mesh and
   * profile framing are (Fréchet distance to real profiles 0.085-0.090 → 0.065-0.068).
   */
  static final double PROFILE_DEGREES = 75;

  private ProfileFraming() {}

  /** Whether a view at {@code yawDegrees} is drawn and framed as a profile. */
  static boolean applies(double yawDegrees) {
    return Math.abs(yawDegrees) >= PROFILE_DEGREES;
  }

  /**
   * The chip framing of a view turned to {@code yawDegrees} whose landmarks (in the frame they were
   * drawn in) are {@code turned}: {@code frontal} (the frontal alignment of those landmarks) below
   * {@link #PROFILE_DEGREES}, else the fit of the visible side to real profiles' positions in a
   * {@code chipSize} chip.
   */
  static PlaneSimilarity similarity(
      Landmarks turned, double yawDegrees, PlaneSimilarity frontal, int chipSize) {
    if (!applies(yawDegrees)) {
      return frontal;
    }
    // A positive yaw turns the nose to the image's right and shows the face's image-left side.
    boolean right = yawDegrees > 0;
    double[][] from = {
      point(turned, 30),
      turned.centroid(right ? 36 : 42, 6),
      point(turned, right ? 19 : 24),
      point(turned, right ? 48 : 54),
      point(turned, 8),
      point(turned, right ? 0 : 16)
    };
    double[][] to = new double[TARGET.length][];
    double scale = chipSize / TARGET_CHIP;
    for (int i = 0; i < TARGET.length; i++) {
      double x = TARGET[i][0] * scale;
      to[i] = new double[] {right ? x : chipSize - x, TARGET[i][1] * scale};
    }
    return PlaneSimilarity.fit(from, to);
  }

  private static double[] point(Landmarks l, int i) {
    return new double[] {l.x(i), l.y(i)};
  }
}
