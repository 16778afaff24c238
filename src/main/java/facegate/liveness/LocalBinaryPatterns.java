package facegate.liveness;

/**
 * Uniform local binary pattern histograms (Ojala et al. 2002, {@code LBP(8,R)^u2}): each pixel's 8
 * neighbours at distance {@code radius} (on the square of that radius) are compared with the pixel
 * and the 8-bit pattern is binned; the 58 patterns with at most two 0/1 transitions around the
 * circle get a bin each, all others share the last. Print artefacts (halftone dots, blur, flat
 * paper texture) shift these histograms.
 */
final class LocalBinaryPatterns {
  /** Bins of a uniform histogram: 58 uniform patterns and one for the rest. */
  static final int BINS = 59;

  private static final int[] UNIFORM_BIN = uniformBins();

  private LocalBinaryPatterns() {}

  /**
   * The normalised histogram (sums to 1) of the patterns of every pixel at least {@code radius}
   * from the border of a {@code width} x {@code height} plane.
   *
   * @param plane one value per pixel, row-major
   * @param radius 1 or more; the plane must be larger than {@code 2 * radius} in both directions
   */
  static double[] histogram(int[] plane, int width, int height, int radius) {
    if (radius < 1 || width <= 2 * radius || height <= 2 * radius) {
      throw new IllegalArgumentException(
          "plane " + width + "x" + height + " too small for radius " + radius);
    }
    int[] dx = {-radius, 0, radius, radius, radius, 0, -radius, -radius};
    int[] dy = {-radius, -radius, -radius, 0, radius, radius, radius, 0};
    double[] histogram = new double[BINS];
    int count = 0;
    for (int y = radius; y < height - radius; y++) {
      for (int x = radius; x < width - radius; x++) {
        int centre = plane[y * width + x];
        int pattern = 0;
        for (int k = 0; k < 8; k++) {
          if (plane[(y + dy[k]) * width + x + dx[k]] >= centre) {
            pattern |= 1 << k;
          }
        }
        histogram[UNIFORM_BIN[pattern]]++;
        count++;
      }
    }
    for (int b = 0; b < BINS; b++) {
      histogram[b] /= count;
    }
    return histogram;
  }

  /** The bin of each 8-bit pattern. */
  static int[] uniformBins() {
    int[] bins = new int[256];
    int next = 0;
    for (int pattern = 0; pattern < 256; pattern++) {
      bins[pattern] = transitions(pattern) <= 2 ? next++ : BINS - 1;
    }
    if (next != BINS - 1) {
      throw new IllegalStateException("expected 58 uniform patterns, found " + next);
    }
    return bins;
  }

  /** 0/1 changes between circular neighbours of an 8-bit pattern. */
  static int transitions(int pattern) {
    int rotated = ((pattern >> 1) | ((pattern & 1) << 7)) & 0xff;
    return Integer.bitCount(pattern ^ rotated);
  }
}
