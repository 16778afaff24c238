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
        double top = (1 - fx) * (rgb[topLeft + c] & 0xff) + fx * (rgb[topLeft + 3 + c] & 0xff);
        double bottom =
            (1 - fx) * (rgb[bottomLeft + c] & 0xff) + fx * (rgb[bottomLeft + 3 + c] & 0xff);
        out[offset + c] = clamp(Math.round((1 - fy) * top + fy * bottom));
      }
      return;
    }
    for (int c = 0; c < 3; c++) {
      double top = (1 - fx) * read(image, x0, y0, c) + fx * read(image, x0 + 1, y0, c);
      double bottom = (1 - fx) * read(image, x0, y0 + 1, c) + fx * read(image, x0 + 1, y0 + 1, c);
      out[offset + c] = clamp(Math.round((1 - fy) * top + fy * bottom));
    }
  }

  private static byte clamp(long value) {
    return (byte) Math.max(0, Math.min(255, value));
  }

  private static int read(RgbImage image, int x, int y, int c) {
    if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
      return 0;
    }
    return image.channel(x, y, c);
  }
}
