package facegate.embed;

/**
 * TensorFlow's {@code ResizeBilinear} along one axis as a matrix: row {@code o} holds the weights
 * of the input samples that output sample {@code o} blends. Source coordinate: {@code (o + 0.5) *
 * scale - 0.5} with half-pixel centres, {@code o * scale} otherwise; {@code scale = (in - 1) / (out
 * - 1)} with aligned corners, {@code in / out} otherwise. The lower neighbour is {@code
 * max(floor(source), 0)}, the upper {@code min(ceil(source), in - 1)}, as in TensorFlow and tfjs.
 */
public final class BilinearWeights {
  private BilinearWeights() {}

  /** Row-major {@code [out, in]} interpolation weights; each row sums to 1. */
  public static float[] matrix(int in, int out, boolean alignCorners, boolean halfPixelCenters) {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException("sizes must be positive: " + in + " -> " + out);
    }
    double scale = alignCorners && out > 1 ? (in - 1) / (double) (out - 1) : in / (double) out;
    float[] weights = new float[out * in];
    for (int o = 0; o < out; o++) {
      double source = halfPixelCenters ? (o + 0.5) * scale - 0.5 : o * scale;
      int lower = (int) Math.max(Math.floor(source), 0);
      int upper = (int) Math.min(Math.ceil(source), in - 1);
      lower = Math.min(lower, in - 1);
      double fraction = source - Math.floor(source);
      if (lower == upper) {
        weights[o * in + lower] = 1f;
      } else {
        weights[o * in + lower] += (float) (1 - fraction);
        weights[o * in + upper] += (float) fraction;
      }
    }
    return weights;
  }
}
