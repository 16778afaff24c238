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
    for (int c = 0; c < 3; c++) {
      double top = (1 - fx) * read(image, x0, y0, c) + fx * read(image, x0 + 1, y0, c);
      double bottom = (1 - fx) * read(image, x0, y0 + 1, c) + fx * read(image, x0 + 1, y0 + 1, c);
      long value = Math.round((1 - fy) * top + fy * bottom);
      out[offset + c] = (byte) Math.max(0, Math.min(255, value));
    }
  }

  private static int read(RgbImage image, int x, int y, int c) {
    if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
      return 0;
    }
    return image.channel(x, y, c);
  }
}
