package facegate.gallery;

import com.github.jelmerk.hnswlib.core.DistanceFunction;

/**
 * The HNSW graph's distance between unit vectors: {@code 1 - u·v}, like hnswlib's {@code
 * DistanceFunctions.FLOAT_INNER_PRODUCT}, but summed in eight independent partial sums. The JIT
 * does not vectorise a single float sum (each addition waits for the one before); eight sums
 * overlap. Results differ from the single sum only by float rounding (about 1e-7).
 */
final class InnerProductDistance implements DistanceFunction<float[], Float> {
  private static final long serialVersionUID = 1L;

  /** The one instance; graphs saved with it load with it. */
  static final InnerProductDistance INSTANCE = new InnerProductDistance();

  private InnerProductDistance() {}

  @Override
  public Float distance(float[] u, float[] v) {
    return 1 - dot(u, v);
  }

  /** {@code u·v} over the length of {@code u}. */
  static float dot(float[] u, float[] v) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int i = 0;
    for (int end = u.length - 7; i < end; i += 8) {
      s0 += u[i] * v[i];
      s1 += u[i + 1] * v[i + 1];
      s2 += u[i + 2] * v[i + 2];
      s3 += u[i + 3] * v[i + 3];
      s4 += u[i + 4] * v[i + 4];
      s5 += u[i + 5] * v[i + 5];
      s6 += u[i + 6] * v[i + 6];
      s7 += u[i + 7] * v[i + 7];
    }
    for (; i < u.length; i++) {
      s0 += u[i] * v[i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
