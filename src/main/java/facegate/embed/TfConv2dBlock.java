package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * A 2-D convolution (NCHW) that pads the way TensorFlow does. {@code same} padding with an even
 * total pads the extra pixel after (bottom/right), where PyTorch would pad symmetrically; {@code
 * valid} does not pad. Depthwise convolutions are grouped convolutions with one group per input
 * channel. Weights are OIHW ({@code [out, in / groups, h, w]}); the bias is optional.
 */
final class TfConv2dBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int inChannels;
  private final int outChannels;
  private final int kernel;
  private final int stride;
  private final boolean samePadding;
  private final boolean depthwise;
  private final Parameter weight;
  private final Parameter bias;

  private TfConv2dBlock(
      int inChannels,
      int outChannels,
      int kernel,
      int stride,
      boolean samePadding,
      boolean depthwise,
      boolean withBias) {
    super(VERSION);
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.kernel = kernel;
    this.stride = stride;
    this.samePadding = samePadding;
    this.depthwise = depthwise;
    int inPerGroup = depthwise ? 1 : inChannels;
    weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outChannels, inPerGroup, kernel, kernel))
                .build());
    bias =
        withBias
            ? addParameter(
                Parameter.builder()
                    .setName("bias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(outChannels))
                    .build())
            : null;
  }

  /** A dense convolution with bias. */
  static TfConv2dBlock conv(int in, int out, int kernel, int stride, boolean same) {
    return new TfConv2dBlock(in, out, kernel, stride, same, false, true);
  }

  /** A depthwise convolution (channel multiplier 1), without bias, 'same' padded. */
  static TfConv2dBlock depthwise(int channels, int kernel, int stride) {
    return new TfConv2dBlock(channels, channels, kernel, stride, true, true, false);
  }

  /** Before/after padding TensorFlow uses along one axis: {@code {before, after}}. */
  static int[] tfPadding(int size, int kernel, int stride, boolean same) {
    if (!same) {
      return new int[] {0, 0};
    }
    int outSize = (size + stride - 1) / stride;
    int total = Math.max((outSize - 1) * stride + kernel - size, 0);
    return new int[] {total / 2, total - total / 2};
  }

  private static int outputSize(int size, int kernel, int stride, boolean same) {
    return same ? (size + stride - 1) / stride : (size - kernel) / stride + 1;
  }

  /** Appends {@code rows} zero rows (axis 2) and {@code columns} zero columns (axis 3). */
  static NDArray padAfter(NDArray x, int rows, int columns) {
    NDArray out = x;
    if (rows > 0) {
      Shape s = out.getShape();
      NDArray zeros =
          out.getManager()
              .zeros(
                  new Shape(s.get(0), s.get(1), rows, s.get(3)),
                  out.getDataType(),
                  out.getDevice());
      out = out.concat(zeros, 2);
    }
    if (columns > 0) {
      Shape s = out.getShape();
      NDArray zeros =
          out.getManager()
              .zeros(
                  new Shape(s.get(0), s.get(1), s.get(2), columns),
                  out.getDataType(),
                  out.getDevice());
      out = out.concat(zeros, 3);
    }
    return out;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Shape shape = x.getShape();
    int[] rows = tfPadding((int) shape.get(2), kernel, stride, samePadding);
    int[] columns = tfPadding((int) shape.get(3), kernel, stride, samePadding);
    // PyTorch pads symmetrically: pad 'before' on both sides, then the surplus after by hand.
    NDArray padded = padAfter(x, rows[1] - rows[0], columns[1] - columns[0]);
    NDArray w = store.getValue(weight, x.getDevice(), training);
    NDArray b = bias == null ? null : store.getValue(bias, x.getDevice(), training);
    return Conv2d.conv2d(
        padded,
        w,
        b,
        new Shape(stride, stride),
        new Shape(rows[0], columns[0]),
        new Shape(1, 1),
        depthwise ? inChannels : 1);
  }

  /**
   * Scales output channel {@code o} by {@code scale[o]} and adds {@code shift[o]}, in the weights:
   * afterwards the block computes {@code scale * conv(x) + shift}. Needs a bias.
   */
  void scaleOutputs(NDArray scale, NDArray shift) {
    if (bias == null) {
      throw new IllegalStateException("a convolution without bias cannot take a shift");
    }
    try (NDArray perChannel = scale.reshape(outChannels, 1, 1, 1)) {
      weight.getArray().muli(perChannel);
    }
    bias.getArray().muli(scale).addi(shift);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {
      new Shape(
          in.get(0),
          outChannels,
          outputSize((int) in.get(2), kernel, stride, samePadding),
          outputSize((int) in.get(3), kernel, stride, samePadding))
    };
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    if (inputShapes[0].get(1) != inChannels) {
      throw new IllegalArgumentException(
          "expected " + inChannels + " input channels, got shape " + inputShapes[0]);
    }
  }

  /**
   * Copies TensorFlow weights into this block: {@code prefix/filters} ({@code [h, w, in, out]}) or
   * {@code prefix/depthwise_filter} ({@code [h, w, in, 1]}), and {@code prefix/bias}.
   */
  void importTfjs(Map<String, TfjsTensor> weights, String filtersName, String biasName) {
    TfjsTensor filters = TfjsImport.require(weights, filtersName);
    int[] s = filters.shape();
    int expectedOut = depthwise ? 1 : outChannels;
    if (s.length != 4
        || s[0] != kernel
        || s[1] != kernel
        || s[2] != inChannels
        || s[3] != expectedOut) {
      throw TfjsImport.mismatch(
          filters, "[" + kernel + "," + kernel + "," + inChannels + "," + expectedOut + "]");
    }
    TfjsImport.set(weight, TfjsImport.hwioToOihw(filters.values(), s));
    if (bias != null) {
      TfjsTensor b = TfjsImport.require(weights, biasName);
      if (b.values().length != outChannels) {
        throw TfjsImport.mismatch(b, "[" + outChannels + "]");
      }
      TfjsImport.set(bias, b.values());
    }
  }
}
