package facegate.vision;

import facegate.core.RgbImage;

/** Shrinks an image by an integer factor, each output pixel the mean of a factor x factor block. */
final class BoxFilter {
  private BoxFilter() {}

  /** Partial blocks at the right and bottom edges average only the pixels they cover. */
  static RgbImage shrink(RgbImage image, int factor) {
    int width = Math.max(1, (image.width() + factor - 1) / factor);
    int height = Math.max(1, (image.height() + factor - 1) / factor);
    byte[] out = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int x1 = Math.min(image.width(), (x + 1) * factor);
        int y1 = Math.min(image.height(), (y + 1) * factor);
        for (int c = 0; c < 3; c++) {
          long sum = 0;
          for (int yy = y * factor; yy < y1; yy++) {
            for (int xx = x * factor; xx < x1; xx++) {
              sum += image.channel(xx, yy, c);
            }
          }
          int count = (x1 - x * factor) * (y1 - y * factor);
          out[(y * width + x) * 3 + c] = (byte) Math.round((double) sum / count);
        }
      }
    }
    return new RgbImage(width, height, out);
  }
}
