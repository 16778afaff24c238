package facegate.pose;

/**
 * Depths for rendering measured on real profiles: the generic face's depth comes from near-frontal
 * views (|yaw| mostly under 30°, where depth is barely observed), and is about half of what real
 * profiles show (eyes 0.31 against 0.66 eye-to-mouth heights behind the nose tip, the top of the
 * jaw 0.82 against 1.89): turned to 90° it gives a face a third as deep as a real profile, a thin
 * sliver in front of the head's outline.
 *
 * <p>{@link #DEPTH} is, per landmark, how far behind the nose tip (landmark 30) it lies in a real
 * profile, in units of the vertical distance from the eye's centre to the mouth corner: the medians
 * over CFP's 820 profile photos of its 30 hand-marked profile points (the profile's horizontal
 * distance to the nose tip, which at 90° is depth), computed by {@code
 * docs/results/turn/ProfileDepths.java} (table in {@code docs/results/turn/README.md}). The
 * landmarks with no profile point of their own get the mean of their neighbours' values (brow
 * points 18, 20; the eyes' inner corners, the mouth's inner points by their generic depth between
 * the lip centre and the corner). Heights (x, y) stay the generic face's: only depth changes.
 */
final class ProfileDepth {
  /** Depth behind the nose tip in eye-to-mouth heights, per landmark of one side and the middle. */
  private static final double[] DEPTH = new double[GenericFace3d.COUNT];

  /** The mouth's two anchors: the upper lip's centre (51) and its corner (48). */
  private static final double LIP_CENTRE = 0.22;

  private static final double MOUTH_CORNER = 0.65;

  static {
    java.util.Arrays.fill(DEPTH, Double.NaN);
    // Jaw, ear level (0) to chin (8): CFP profile points 0-8.
    double[] jaw = {1.89, 1.85, 1.81, 1.72, 1.54, 1.32, 1.06, 0.78, 0.44};
    for (int i = 0; i < jaw.length; i++) {
      DEPTH[i] = jaw[i];
    }
    // Brow, outer (17) to inner (21): profile points 9, 10, 11; 18 and 20 between.
    double[] brow = {0.96, 0.80, 0.64, 0.50, 0.35};
    for (int i = 0; i < brow.length; i++) {
      DEPTH[17 + i] = brow[i];
    }
    // Nose ridge, top (27) to tip (30): profile points 18-21; the nostrils, wing (31) to the
    // septum (33): profile points 24, 23, 22.
    double[] nose = {0.24, 0.16, 0.07, 0.0, 0.44, 0.32, 0.19};
    for (int i = 0; i < nose.length; i++) {
      DEPTH[27 + i] = nose[i];
    }
    // Eye (36 outer corner, 37-38 upper lid, 39 inner corner, 40-41 lower lid): profile points
    // 12, 13, 14, 15 (the front-most point of the visible eye), 17, 16.
    double[] eye = {0.85, 0.72, 0.59, 0.50, 0.60, 0.72};
    for (int i = 0; i < eye.length; i++) {
      DEPTH[36 + i] = eye[i];
    }
  }

  /**
   * Where the head's outline ring, back ring and back point go with the deeper face (z, mm): the
   * default rings (70, 150, 200) moved back by the ~40 mm the top of the jaw moved, so that the
   * outline stays behind the jaw and the head keeps its length.
   */
  static final double[] RING_DEPTHS = {110, 190, 240};

  private ProfileDepth() {}

  /** The rendering mesh around {@code face} deepened to real profiles' depth. */
  static FaceMesh mesh(GenericFace3d face) {
    return FaceMesh.around(deepened(face), RING_DEPTHS[0], RING_DEPTHS[1], RING_DEPTHS[2]);
  }

  /**
   * {@code face} with the depth of real profiles: each landmark at {@link #DEPTH} eye-to-mouth
   * heights behind the nose tip (mirror landmarks alike), the mouth's points mapped linearly in
   * their generic depth so that the lip centre and corners land on theirs.
   */
  static GenericFace3d deepened(GenericFace3d face) {
    double[] x = face.x();
    double[] y = face.y();
    double[] z = face.z();
    double eyeY = 0;
    for (int i = 36; i < 48; i++) {
      eyeY += y[i] / 12;
    }
    double unit = Math.abs((y[48] + y[54]) / 2 - eyeY);
    double nose = z[30];
    double[] deep = new double[GenericFace3d.COUNT];
    // Mouth: depth behind the nose linear in the generic depth, through the two anchors.
    double centre = (z[51] - nose) / unit;
    double corner = ((z[48] + z[54]) / 2 - nose) / unit;
    double slope = (MOUTH_CORNER - LIP_CENTRE) / (corner - centre);
    for (int i = 0; i < GenericFace3d.COUNT; i++) {
      double ratio = DEPTH[i];
      if (Double.isNaN(ratio)) {
        ratio = DEPTH[LandmarkSymmetry.mirrorOf(i)];
      }
      if (i >= 48) {
        ratio = LIP_CENTRE + slope * ((z[i] - nose) / unit - centre);
      }
      deep[i] = nose + ratio * unit;
    }
    return new GenericFace3d(x, y, deep);
  }
}
