package facegate.vision;

import facegate.core.RgbImage;

/** Bilinear sampling of an RGB image; points outside the image read as black. */
final class Bilinear {
  private Bilinear() {}

  /** Writes the three channels at ({@code x}, {@code y}) into {@code out} at {@code offset}. */
  static void sample(RgbImage image, double x, double y, byte[] out, int offset) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    int width = image.width();
    byte[] rgb = image.rgb();
    if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < image.height()) {
      // all four neighbours inside: index the pixels directly (the common case)
      int topLeft = (y0 * width + x0) * 3;
      int bottomLeft = topLeft + width * 3;
      for (int c = 0; c < 3; c++) {
        out[offset + c] =
            mix(
                rgb[topLeft + c] & 0xff,
                rgb[topLeft + 3 + c] & 0xff,
                rgb[bottomLeft + c] & 0xff,
                rgb[bottomLeft + 3 + c] & 0xff,
                fx,
                fy);
      }
      return;
    }
    for (int c = 0; c < 3; c++) {
      out[offset + c] =
          mix(
              read(image, x0, y0, c),
              read(image, x0 + 1, y0, c),
              read(image, x0, y0 + 1, c),
              read(image, x0 + 1, y0 + 1, c),
              fx,
              fy);
    }
  }

  /** The four neighbours weighted by the fractional position, rounded and clamped to 0-255. */
  private static byte mix(
      int topLeft, int topRight, int bottomLeft, int bottomRight, double fx, double fy) {
    double top = (1 - fx) * topLeft + fx * topRight;
    double bottom = (1 - fx) * bottomLeft + fx * bottomRight;
    long value = Math.round((1 - fy) * top + fy * bottom);
    return (byte) Math.max(0, Math.min(255, value));
  }

  private static int read(RgbImage image, int x, int y, int c) {
    if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
      return 0;
    }
    return image.channel(x, y, c);
  }
}
