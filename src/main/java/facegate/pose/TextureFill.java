package facegate.pose;

import facegate.core.RgbImage;

/**
 * Prepares a photo as the renderer's texture. Aligned chips of faces near a photo's edge carry
 * exact-black regions where the chip reaches outside the photo; drawn as they are, a turned view
 * stretches them into black wedges. {@link #filled} grows the real pixels into them; {@link
 * #blurred} is the smooth texture of the backdrop and the back of the head, which are stretched
 * from a thin band of the photo and would otherwise show streaks.
 */
final class TextureFill {
  private TextureFill() {}

  /**
   * The image with every exact-black pixel (r = g = b = 0) replaced, pass by pass, by the mean of
   * its already valid 8-neighbours; unchanged when it has none, or when it is black everywhere.
   */
  static RgbImage filled(RgbImage image) {
    int w = image.width();
    int h = image.height();
    byte[] rgb = image.rgb().clone();
    boolean[] valid = new boolean[w * h];
    int missing = 0;
    for (int i = 0; i < w * h; i++) {
      valid[i] = rgb[3 * i] != 0 || rgb[3 * i + 1] != 0 || rgb[3 * i + 2] != 0;
      missing += valid[i] ? 0 : 1;
    }
    if (missing == 0 || missing == w * h) {
      return image;
    }
    while (missing > 0) {
      boolean[] next = valid.clone();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (!valid[y * w + x] && fromNeighbours(rgb, valid, w, h, x, y)) {
            next[y * w + x] = true;
            missing--;
          }
        }
      }
      valid = next;
    }
    return new RgbImage(w, h, rgb);
  }

  private static boolean fromNeighbours(byte[] rgb, boolean[] valid, int w, int h, int x, int y) {
    int[] sum = new int[3];
    int count = 0;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int nx = x + dx, ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < w && ny < h && valid[ny * w + nx]) {
          for (int ch = 0; ch < 3; ch++) {
            sum[ch] += rgb[3 * (ny * w + nx) + ch] & 0xff;
          }
          count++;
        }
      }
    }
    if (count == 0) {
      return false;
    }
    for (int ch = 0; ch < 3; ch++) {
      // Never exactly black again, so that the pixel counts as valid from the next pass on.
      rgb[3 * (y * w + x) + ch] =
          (byte) Math.max(ch == 0 ? 1 : 0, Math.round(sum[ch] / (float) count));
    }
    return true;
  }

  /** {@code (1 - weight) * a + weight * b}, weight clamped to [0, 1]. */
  static RgbImage mixed(RgbImage a, RgbImage b, double weight) {
    double t = Math.max(0, Math.min(1, weight));
    if (t == 0) {
      return a;
    }
    byte[] out = new byte[a.rgb().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Math.round((1 - t) * (a.rgb()[i] & 0xff) + t * (b.rgb()[i] & 0xff));
    }
    return new RgbImage(a.width(), a.height(), out);
  }

  /** A box blur of the given radius (pixels), edges clamped; radius 0 gives the image back. */
  static RgbImage blurred(RgbImage image, int radius) {
    if (radius <= 0) {
      return image;
    }
    return new RgbImage(
        image.width(),
        image.height(),
        pass(
            pass(image.rgb(), image.width(), image.height(), radius, true),
            image.width(),
            image.height(),
            radius,
            false));
  }

  private static byte[] pass(byte[] rgb, int w, int h, int radius, boolean horizontal) {
    byte[] out = new byte[rgb.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int ch = 0; ch < 3; ch++) {
          int sum = 0;
          for (int d = -radius; d <= radius; d++) {
            int sx = horizontal ? Math.max(0, Math.min(w - 1, x + d)) : x;
            int sy = horizontal ? y : Math.max(0, Math.min(h - 1, y + d));
            sum += rgb[3 * (sy * w + sx) + ch] & 0xff;
          }
          out[3 * (y * w + x) + ch] = (byte) Math.round(sum / (2f * radius + 1));
        }
      }
    }
    return out;
  }
}
