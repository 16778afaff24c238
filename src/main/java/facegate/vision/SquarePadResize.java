package facegate.vision;

import facegate.core.RgbImage;

/**
 * face-api's {@code NetInput.toBatchTensor(side, false)}: the image is padded with black at the
 * right or bottom to a square of {@code max(width, height)}, then resized bilinearly to {@code
 * side} the way {@code tf.image.resizeBilinear(alignCorners = false, halfPixelCenters = false)}
 * does (source coordinate = destination coordinate x scale, neighbours clamped at the last row and
 * column). A square image of {@code side} pixels comes back unchanged. Values are rounded to 8
 * bits, where tfjs keeps floats: each pixel differs by at most 0.5 from tfjs's input.
 */
final class SquarePadResize {
  private SquarePadResize() {}

  /** The padded, resized {@code side x side} image. */
  static RgbImage apply(RgbImage image, int side) {
    if (side < 1) {
      throw new IllegalArgumentException("side must be positive: " + side);
    }
    int square = Math.max(image.width(), image.height());
    if (square == side && image.width() == image.height()) {
      return image;
    }
    double scale = (double) square / side;
    int[] top = new int[side];
    int[] bottom = new int[side];
    double[] fraction = new double[side];
    for (int i = 0; i < side; i++) {
      double source = i * scale;
      top[i] = (int) Math.floor(source);
      bottom[i] = Math.min(top[i] + 1, square - 1);
      fraction[i] = source - top[i];
    }
    byte[] out = new byte[side * side * 3];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int offset = (y * side + x) * 3;
        for (int c = 0; c < 3; c++) {
          double upper =
              lerp(read(image, top[x], top[y], c), read(image, bottom[x], top[y], c), fraction[x]);
          double lower =
              lerp(
                  read(image, top[x], bottom[y], c),
                  read(image, bottom[x], bottom[y], c),
                  fraction[x]);
          out[offset + c] = (byte) Math.round(lerp(upper, lower, fraction[y]));
        }
      }
    }
    return new RgbImage(side, side, out);
  }

  private static double lerp(double from, double to, double fraction) {
    return from + (to - from) * fraction;
  }

  /** The padded square's pixel: the image's inside it, black in the padding. */
  private static int read(RgbImage image, int x, int y, int c) {
    return x < image.width() && y < image.height() ? image.channel(x, y, c) : 0;
  }
}
