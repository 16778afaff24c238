package facegate.train;

import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import facegate.vision.Mirror;
import java.util.Random;

/**
 * The classic, label-preserving augmentations, each applied with its own probability and drawn from
 * the caller's {@link Random} (so a seed repeats a run): horizontal flip (p 0.5), random resized
 * crop (p 0.5: a square of 80-100% of the side, shifted up to 8% of the side, resampled back to the
 * chip's size), colour jitter (brightness and contrast ±20%, saturation ±20%) and a 3x3 box blur (p
 * 0.2). Output has the input's size.
 */
public final class ClassicAugmentation {
  private ClassicAugmentation() {}

  /** A new, augmented image; {@code chip} is not modified. */
  public static RgbImage apply(RgbImage chip, Random random) {
    RgbImage out = chip;
    if (random.nextBoolean()) {
      out = Mirror.horizontal(out);
    }
    if (random.nextBoolean()) {
      out = randomResizedCrop(out, random);
    }
    out = colourJitter(out, random);
    if (random.nextDouble() < 0.2) {
      out = boxBlur(out);
    }
    return out;
  }

  static RgbImage randomResizedCrop(RgbImage chip, Random random) {
    int size = chip.width();
    double side = size * (0.8 + 0.2 * random.nextDouble());
    double shift = 0.08 * size;
    double centerX = (size - 1) / 2.0 + (random.nextDouble() * 2 - 1) * shift;
    double centerY = (size - 1) / 2.0 + (random.nextDouble() * 2 - 1) * shift;
    return FaceAligner.cropSquare(chip, centerX, centerY, side, size);
  }

  static RgbImage colourJitter(RgbImage chip, Random random) {
    double brightness = 1 + (random.nextDouble() * 2 - 1) * 0.2;
    double contrast = 1 + (random.nextDouble() * 2 - 1) * 0.2;
    double saturation = 1 + (random.nextDouble() * 2 - 1) * 0.2;
    byte[] in = chip.rgb();
    double mean = 0;
    for (byte b : in) {
      mean += b & 0xff;
    }
    mean /= in.length;
    byte[] out = new byte[in.length];
    for (int p = 0; p < in.length; p += 3) {
      double gray =
          0.299 * (in[p] & 0xff) + 0.587 * (in[p + 1] & 0xff) + 0.114 * (in[p + 2] & 0xff);
      for (int c = 0; c < 3; c++) {
        double v = gray + ((in[p + c] & 0xff) - gray) * saturation;
        v = (v - mean) * contrast + mean;
        out[p + c] = clamp(v * brightness);
      }
    }
    return new RgbImage(chip.width(), chip.height(), out);
  }

  static RgbImage boxBlur(RgbImage chip) {
    int w = chip.width();
    int h = chip.height();
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          int sum = 0;
          int count = 0;
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int sx = x + dx;
              int sy = y + dy;
              if (sx >= 0 && sx < w && sy >= 0 && sy < h) {
                sum += chip.channel(sx, sy, c);
                count++;
              }
            }
          }
          out[(y * w + x) * 3 + c] = (byte) Math.round((float) sum / count);
        }
      }
    }
    return new RgbImage(w, h, out);
  }

  private static byte clamp(double v) {
    return (byte) Math.max(0, Math.min(255, Math.round(v)));
  }
}
