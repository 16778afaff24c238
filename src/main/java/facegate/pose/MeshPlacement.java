package facegate.pose;

/**
 * A face mesh placed in 3D: each vertex in model axes, and the scaled orthographic camera (scale
 * and shift, pixels) it is seen with. {@link #project} draws the vertices at any rotation; {@link
 * #lift} recovers the placement from a projection, so that a view turned to one rotation can be
 * textured and turned back (rotate-and-render).
 *
 * @param sourcePixels each vertex's position in the image the mesh was fitted to
 * @param model each vertex (x, y, z) in model axes, millimetres of the generic face
 * @param scale pixels per model unit
 * @param shiftX horizontal shift, pixels
 * @param shiftY vertical shift, pixels
 */
record MeshPlacement(
    double[][] sourcePixels, double[][] model, double scale, double shiftX, double shiftY) {
  MeshPlacement {
    if (sourcePixels.length != model.length) {
      throw new IllegalArgumentException("one pixel position per vertex");
    }
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale must be positive and finite: " + scale);
    }
  }

  /** Each vertex seen with {@code rotation}: {x, y} in pixels and its depth z (model units). */
  double[][] project(double[][] rotation) {
    double[][] out = new double[model.length][];
    for (int i = 0; i < model.length; i++) {
      double[] turned = apply(rotation, model[i][0], model[i][1], model[i][2]);
      out[i] = new double[] {scale * turned[0] + shiftX, scale * turned[1] + shiftY, turned[2]};
    }
    return out;
  }

  /**
   * The placement whose {@link #project} with {@code rotation} gives {@code projected} (pixels and
   * depth, as {@link #project} returns them), with the same camera; its source pixels are the
   * projected positions.
   */
  MeshPlacement lift(double[][] projected, double[][] rotation) {
    double[][] pixels = new double[projected.length][];
    double[][] lifted = new double[projected.length][];
    for (int i = 0; i < projected.length; i++) {
      pixels[i] = new double[] {projected[i][0], projected[i][1]};
      double[] camera = {
        (projected[i][0] - shiftX) / scale, (projected[i][1] - shiftY) / scale, projected[i][2]
      };
      lifted[i] = applyTransposed(rotation, camera);
    }
    return new MeshPlacement(pixels, lifted, scale, shiftX, shiftY);
  }

  static double[] apply(double[][] r, double x, double y, double z) {
    return new double[] {
      r[0][0] * x + r[0][1] * y + r[0][2] * z,
      r[1][0] * x + r[1][1] * y + r[1][2] * z,
      r[2][0] * x + r[2][1] * y + r[2][2] * z
    };
  }

  static double[] applyTransposed(double[][] r, double[] v) {
    return new double[] {
      r[0][0] * v[0] + r[1][0] * v[1] + r[2][0] * v[2],
      r[0][1] * v[0] + r[1][1] * v[1] + r[2][1] * v[2],
      r[0][2] * v[0] + r[1][2] * v[1] + r[2][2] * v[2]
    };
  }
}
