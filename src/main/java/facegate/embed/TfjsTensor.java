package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * One named weight read from a tfjs weights manifest, dequantised to float32.
 *
 * @param name the manifest name, e.g. {@code conv32_1/conv1/conv/filters}
 * @param shape the tfjs shape (TensorFlow layout: filters are {@code [h, w, in, out]}); empty for a
 *     scalar
 * @param values row-major values, {@code product(shape)} of them
 */
public record TfjsTensor(String name, int[] shape, float[] values) {
  public TfjsTensor {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a tensor needs a name");
    }
    shape = shape.clone();
    if (values.length != elementCount(shape)) {
      throw new IllegalArgumentException(
          name
              + ": shape "
              + Arrays.toString(shape)
              + " needs "
              + elementCount(shape)
              + " values, got "
              + values.length);
    }
  }

  /** Number of elements of a tensor of {@code shape}; 1 for a scalar. */
  public static int elementCount(int[] shape) {
    long count = 1;
    for (int dimension : shape) {
      if (dimension < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      count *= dimension;
    }
    return Math.toIntExact(count);
  }

  /** {@code array} as a float32 tensor named {@code name} (integer arrays converted). */
  static TfjsTensor of(String name, NDArray array) {
    int[] shape = Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
    return new TfjsTensor(name, shape, array.toType(DataType.FLOAT32, false).toFloatArray());
  }

  /**
   * Checks a graph input's shape against the graph's declared one, where {@code -1} accepts any
   * size.
   *
   * @throws IllegalArgumentException when it does not fit
   */
  static void requireFits(int[] shape, long[] declared) {
    boolean fits = shape.length == declared.length;
    for (int i = 0; fits && i < shape.length; i++) {
      fits = declared[i] < 0 || declared[i] == shape[i];
    }
    if (!fits) {
      throw new IllegalArgumentException(
          "input shape " + Arrays.toString(shape) + " does not fit " + Arrays.toString(declared));
    }
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The values themselves, not a copy: treat as read-only. */
  @Override
  public float[] values() {
    return values;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TfjsTensor that
        && name.equals(that.name)
        && Arrays.equals(shape, that.shape)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "TfjsTensor[" + name + " " + Arrays.toString(shape) + "]";
  }
}
