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
 * ({@link #TARGET}, for a face looking to the image's right; mirrored for the other side), and
 * blends that fit with the frontal alignment by {@link #weight}: nothing up to 45° (the frontal
 * alignment is kept where it was measured to work), all of it at 90°.
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

  /** Below this |yaw| the frontal alignment is kept unchanged. */
  static final double START_DEGREES = 45;

  private ProfileFraming() {}

  /** How much of the profile framing a view at {@code yawDegrees} gets: 0 to 45°, 1 at 90°. */
  static double weight(double yawDegrees) {
    double w = (Math.abs(yawDegrees) - START_DEGREES) / (90 - START_DEGREES);
    return Math.max(0, Math.min(1, w));
  }

  /**
   * The chip framing of a view turned to {@code yawDegrees} whose landmarks (in the frame they were
   * drawn in) are {@code turned}: {@code frontal} (the frontal alignment of those landmarks)
   * blended with the fit of the visible side to real profiles' positions in a {@code chipSize}
   * chip.
   */
  static PlaneSimilarity similarity(
      Landmarks turned, double yawDegrees, PlaneSimilarity frontal, int chipSize) {
    double w = weight(yawDegrees);
    if (w == 0) {
      return frontal;
    }
    // A positive yaw turns the nose to the image's right and shows the face's image-left side.
    boolean right = yawDegrees > 0;
    int side = right ? 0 : 1;
    double[][] from = {
      point(turned, 30),
      mean(turned, right ? 36 : 42, 6),
      point(turned, right ? 19 : 24),
      point(turned, right ? 48 : 54),
      point(turned, 8),
      point(turned, right ? 0 : 16)
    };
    double[][] to = new double[TARGET.length][];
    double scale = chipSize / TARGET_CHIP;
    for (int i = 0; i < TARGET.length; i++) {
      double x = TARGET[i][0] * scale;
      to[i] = new double[] {side == 0 ? x : chipSize - x, TARGET[i][1] * scale};
    }
    PlaneSimilarity profile = PlaneSimilarity.fit(from, to);
    return new PlaneSimilarity(
        (1 - w) * frontal.a() + w * profile.a(),
        (1 - w) * frontal.b() + w * profile.b(),
        (1 - w) * frontal.shiftX() + w * profile.shiftX(),
        (1 - w) * frontal.shiftY() + w * profile.shiftY());
  }

  private static double[] point(Landmarks l, int i) {
    return new double[] {l.x(i), l.y(i)};
  }

  private static double[] mean(Landmarks l, int first, int count) {
    double x = 0;
    double y = 0;
    for (int i = first; i < first + count; i++) {
      x += l.x(i) / count;
      y += l.y(i) / count;
    }
    return new double[] {x, y};
  }
}
