package facegate.liveness;

import facegate.core.RgbImage;

/**
 * The feature vector of one square crop: uniform LBP histograms of luma at radius 1 and 2 and of
 * both chroma planes (YCbCr, BT.601) at radius 1, colour moments (mean and standard deviation of Y,
 * Cb, Cr and HSV saturation) and a sharpness measure (mean absolute Laplacian of luma over its
 * standard deviation). Colour LBP follows Boulkenafet et al. (ICIP 2015): a print reproduces luma
 * texture better than chroma texture. A uniform crop (no texture) gives finite values.
 */
final class TextureFeatures {
  /** Features per crop. */
  static final int COUNT = 4 * LocalBinaryPatterns.BINS + 9;

  /** The smallest crop side: LBP at radius 2 needs a few pixels inside the border. */
  static final int MIN_SIDE = 8;

  private TextureFeatures() {}

  /**
   * The {@value #COUNT} features of {@code crop}, which must be at least {@value #MIN_SIDE} wide.
   */
  static double[] of(RgbImage crop) {
    int width = crop.width();
    int height = crop.height();
    if (width < MIN_SIDE || height < MIN_SIDE) {
      throw new IllegalArgumentException("crop " + width + "x" + height + " is too small");
    }
    int pixels = width * height;
    int[] luma = new int[pixels];
    int[] blueChroma = new int[pixels];
    int[] redChroma = new int[pixels];
    double[] saturation = new double[pixels];
    for (int i = 0; i < pixels; i++) {
      int r = crop.rgb()[3 * i] & 0xff;
      int g = crop.rgb()[3 * i + 1] & 0xff;
      int b = crop.rgb()[3 * i + 2] & 0xff;
      luma[i] = (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
      blueChroma[i] = (int) Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      redChroma[i] = (int) Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
      int max = Math.max(r, Math.max(g, b));
      saturation[i] = max == 0 ? 0 : (max - Math.min(r, Math.min(g, b))) / (double) max;
    }
    double[] features = new double[COUNT];
    int at = 0;
    at = append(features, at, LocalBinaryPatterns.histogram(luma, width, height, 1));
    at = append(features, at, LocalBinaryPatterns.histogram(luma, width, height, 2));
    at = append(features, at, LocalBinaryPatterns.histogram(blueChroma, width, height, 1));
    at = append(features, at, LocalBinaryPatterns.histogram(redChroma, width, height, 1));
    at = append(features, at, moments(luma, 255));
    at = append(features, at, moments(blueChroma, 255));
    at = append(features, at, moments(redChroma, 255));
    at = append(features, at, moments(saturation));
    features[at] = sharpness(luma, width, height, features[at - 7]);
    return features;
  }

  private static int append(double[] features, int at, double[] values) {
    System.arraycopy(values, 0, features, at, values.length);
    return at + values.length;
  }

  private static double[] moments(int[] plane, double range) {
    double[] values = new double[plane.length];
    for (int i = 0; i < plane.length; i++) {
      values[i] = plane[i] / range;
    }
    return moments(values);
  }

  /** Mean and standard deviation. */
  private static double[] moments(double[] values) {
    double sum = 0;
    double squares = 0;
    for (double value : values) {
      sum += value;
      squares += value * value;
    }
    double mean = sum / values.length;
    return new double[] {mean, Math.sqrt(Math.max(0, squares / values.length - mean * mean))};
  }

  /** Mean absolute 4-neighbour Laplacian of luma (0-255), over 255 times luma's deviation. */
  private static double sharpness(int[] luma, int width, int height, double lumaDeviation) {
    double sum = 0;
    int count = 0;
    for (int y = 1; y < height - 1; y++) {
      for (int x = 1; x < width - 1; x++) {
        int i = y * width + x;
        sum +=
            Math.abs(4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - width] - luma[i + width]);
        count++;
      }
    }
    return sum / count / (255 * lumaDeviation + 1);
  }
}
