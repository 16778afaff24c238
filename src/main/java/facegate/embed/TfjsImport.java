package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/** Moves tfjs weights (TensorFlow layouts) into initialised DJL parameters (PyTorch layouts). */
final class TfjsImport {
  private TfjsImport() {}

  static TfjsTensor require(Map<String, TfjsTensor> weights, String name) {
    TfjsTensor tensor = weights.get(name);
    if (tensor == null) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "tfjs weights have no tensor " + name + "; is this the right manifest?");
    }
    return tensor;
  }

  static FaceException mismatch(TfjsTensor tensor, String expected) {
    return new FaceException(
        ErrorCode.MODEL_INVALID,
        tensor.name() + " has shape " + Arrays.toString(tensor.shape()) + ", expected " + expected);
  }

  /** Overwrites the (initialised) array of {@code parameter} with {@code values}. */
  static void set(Parameter parameter, float[] values) {
    NDArray array = parameter.getArray();
    if (array.size() != values.length) {
      throw new IllegalStateException(
          parameter.getName() + " holds " + array.size() + " values, got " + values.length);
    }
    array.set(FloatBuffer.wrap(values));
  }

  /** TensorFlow filters {@code [h, w, in, out]} to PyTorch {@code [out, in, h, w]}. */
  static float[] hwioToOihw(float[] hwio, int[] shape) {
    int height = shape[0];
    int width = shape[1];
    int in = shape[2];
    int out = shape[3];
    float[] oihw = new float[hwio.length];
    for (int h = 0; h < height; h++) {
      for (int w = 0; w < width; w++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < out; o++) {
            oihw[((o * in + i) * height + h) * width + w] =
                hwio[((h * width + w) * in + i) * out + o];
          }
        }
      }
    }
    return oihw;
  }

  /** A 1-D tensor of {@code length} values, or a shape mismatch. */
  static float[] vector(Map<String, TfjsTensor> weights, String name, int length) {
    TfjsTensor tensor = require(weights, name);
    if (tensor.shape().length != 1 || tensor.shape()[0] != length) {
      throw mismatch(tensor, "[" + length + "]");
    }
    return tensor.values();
  }

  /** A 2-D {@code [rows, columns]} tensor, row-major, or a shape mismatch. */
  static float[] matrix(Map<String, TfjsTensor> weights, String name, int rows, int columns) {
    TfjsTensor tensor = require(weights, name);
    int[] s = tensor.shape();
    if (s.length != 2 || s[0] != rows || s[1] != columns) {
      throw mismatch(tensor, "[" + rows + "," + columns + "]");
    }
    return tensor.values();
  }
}
