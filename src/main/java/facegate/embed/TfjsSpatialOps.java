package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.Map;

/**
 * Convolutions, pooling, padding, resizing and depth-to-space on NHWC tensors. Convolution filters
 * arrive already in PyTorch's {@code [out, in, h, w]} layout ({@link TfjsGraph} converts them once
 * at load); inputs are transposed to NCHW around the PyTorch call, a view, not a copy. TensorFlow's
 * {@code SAME} padding, which puts the odd pixel at the bottom/right, is padded explicitly when it
 * is not symmetric.
 */
final class TfjsSpatialOps {
  private TfjsSpatialOps() {}

  static void register(Map<String, TfjsOp> table) {
    table.put("Conv2D", (node, in, manager) -> convolution(node, in, manager, false));
    table.put("_FusedConv2D", (node, in, manager) -> convolution(node, in, manager, false));
    table.put("DepthwiseConv2dNative", (node, in, manager) -> convolution(node, in, manager, true));
    table.put(
        "FusedDepthwiseConv2dNative", (node, in, manager) -> convolution(node, in, manager, true));
    table.put("MaxPool", TfjsSpatialOps::maxPool);
    table.put("Pad", (node, in, manager) -> pad(in.get(0), paddings(in.get(1)), 0f, manager));
    table.put(
        "PadV2",
        (node, in, manager) ->
            pad(
                in.get(0),
                paddings(in.get(1)),
                in.get(2).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).getFloat(),
                manager));
    table.put("ResizeBilinear", TfjsSpatialOps::resizeBilinear);
    table.put("DepthToSpace", TfjsSpatialOps::depthToSpace);
  }

  private static NDArray convolution(
      TfjsGraphNode node, NDList in, NDManager manager, boolean depthwise) {
    requireNhwc(node);
    NDArray x = in.get(0);
    NDArray filter = in.get(1); // [out, in / groups, h, w]
    long[] strides = spatial(node, "strides");
    long[] dilations = node.has("dilations") ? spatial(node, "dilations") : new long[] {1, 1};
    long[] kernel = {filter.getShape().get(2), filter.getShape().get(3)};
    long[][] pads = padding(node, x.getShape(), kernel, strides, dilations);
    x = symmetricOrPadded(x, pads, 0f, manager);
    long[] symmetric = {pads[1][0], pads[2][0]};
    if (!isSymmetric(pads)) {
      symmetric = new long[] {0, 0};
    }
    java.util.List<String> fused = node.strings("fused_ops");
    NDArray bias = !fused.isEmpty() && fused.get(0).equals("BiasAdd") ? in.get(2) : null;
    int groups = depthwise ? Math.toIntExact(x.getShape().get(3)) : 1;
    NDArray y =
        Conv2d.conv2d(
                x.transpose(0, 3, 1, 2),
                filter,
                bias,
                new Shape(strides),
                new Shape(symmetric),
                new Shape(dilations),
                groups)
            .singletonOrThrow()
            .transpose(0, 2, 3, 1);
    return TfjsMathOps.fusedActivations(node, fused, y, in);
  }

  private static NDArray maxPool(TfjsGraphNode node, NDList in, NDManager manager) {
    requireNhwc(node);
    long[] kernel = spatial(node, "ksize");
    long[] strides = spatial(node, "strides");
    NDArray x = in.get(0);
    long[][] pads = padding(node, x.getShape(), kernel, strides, new long[] {1, 1});
    boolean symmetric = isSymmetric(pads);
    x = symmetricOrPadded(x, pads, -Float.MAX_VALUE, manager);
    Shape padShape = symmetric ? new Shape(pads[1][0], pads[2][0]) : new Shape(0, 0);
    return Pool.maxPool2d(
            x.transpose(0, 3, 1, 2), new Shape(kernel), new Shape(strides), padShape, false)
        .transpose(0, 2, 3, 1);
  }

  /**
   * Per axis of an NHWC tensor, the padding before and after that TensorFlow's {@code padding}
   * attribute ({@code VALID}, {@code SAME}, {@code EXPLICIT}) asks for.
   */
  static long[][] padding(
      TfjsGraphNode node, Shape nhwc, long[] kernel, long[] strides, long[] dilations) {
    long[][] pads = new long[4][2];
    String mode = node.string("padding", "VALID");
    switch (mode) {
      case "VALID" -> {}
      case "SAME" -> {
        for (int axis = 0; axis < 2; axis++) {
          long size = nhwc.get(axis + 1);
          long out = (size + strides[axis] - 1) / strides[axis];
          long extent = (kernel[axis] - 1) * dilations[axis] + 1;
          long total = Math.max((out - 1) * strides[axis] + extent - size, 0);
          pads[axis + 1][0] = total / 2;
          pads[axis + 1][1] = total - total / 2;
        }
      }
      case "EXPLICIT" -> {
        long[] explicit = node.integers("explicit_paddings");
        if (explicit.length != 8) {
          throw node.invalid("has EXPLICIT padding without 8 explicit_paddings");
        }
        for (int axis = 0; axis < 4; axis++) {
          pads[axis][0] = explicit[2 * axis];
          pads[axis][1] = explicit[2 * axis + 1];
        }
      }
      default -> throw node.invalid("has unsupported padding " + mode);
    }
    return pads;
  }

  private static boolean isSymmetric(long[][] pads) {
    return pads[0][0] == 0
        && pads[0][1] == 0
        && pads[3][0] == 0
        && pads[3][1] == 0
        && pads[1][0] == pads[1][1]
        && pads[2][0] == pads[2][1];
  }

  /** {@code x} itself when the padding can go to PyTorch (symmetric), else {@code x} padded. */
  private static NDArray symmetricOrPadded(
      NDArray x, long[][] pads, float value, NDManager manager) {
    return isSymmetric(pads) ? x : pad(x, pads, value, manager);
  }

  /** {@code x} with {@code pads[axis] = {before, after}} elements of {@code value} added. */
  static NDArray pad(NDArray x, long[][] pads, float value, NDManager manager) {
    if (pads.length != x.getShape().dimension()) {
      throw new IllegalArgumentException("need one padding pair per axis of " + x.getShape());
    }
    NDArray result = x;
    for (int axis = 0; axis < pads.length; axis++) {
      if (pads[axis][0] == 0 && pads[axis][1] == 0) {
        continue;
      }
      NDList parts = new NDList();
      if (pads[axis][0] > 0) {
        parts.add(filled(result.getShape(), axis, pads[axis][0], value, result, manager));
      }
      parts.add(result);
      if (pads[axis][1] > 0) {
        parts.add(filled(result.getShape(), axis, pads[axis][1], value, result, manager));
      }
      result = NDArrays.concat(parts, axis);
    }
    return result;
  }

  private static NDArray filled(
      Shape shape, int axis, long length, float value, NDArray like, NDManager manager) {
    // a copy: Shape#getShape() is the shape's own array, and changing it would change the shape of
    // the array being padded (a graph that reuses that array after an asymmetric pad then misreads
    // it; measured on FaceMesh's face-flag branch)
    long[] dims = shape.getShape().clone();
    dims[axis] = length;
    return manager.full(new Shape(dims), value, like.getDataType());
  }

  /** A {@code [rank, 2]} paddings tensor as {@code long[rank][2]}. */
  private static long[][] paddings(NDArray paddings) {
    long[] flat = paddings.toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
    long[][] pads = new long[flat.length / 2][2];
    for (int axis = 0; axis < pads.length; axis++) {
      pads[axis][0] = flat[2 * axis];
      pads[axis][1] = flat[2 * axis + 1];
    }
    return pads;
  }

  private static NDArray resizeBilinear(TfjsGraphNode node, NDList in, NDManager manager) {
    NDArray x = in.get(0);
    int[] size = in.get(1).toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
    boolean alignCorners = node.flag("align_corners", false);
    boolean halfPixel = node.flag("half_pixel_centers", false);
    Shape shape = x.getShape();
    NDArray rows =
        manager.create(
            BilinearWeights.matrix((int) shape.get(1), size[0], alignCorners, halfPixel),
            new Shape(size[0], shape.get(1)));
    NDArray columns =
        manager.create(
            BilinearWeights.matrix((int) shape.get(2), size[1], alignCorners, halfPixel),
            new Shape(size[1], shape.get(2)));
    // [N, C, H, W] x [W, W'] -> [N, C, H, W']; [H', H] x [N, C, H, W'] -> [N, C, H', W'].
    NDArray nchw = x.transpose(0, 3, 1, 2).matMul(columns.transpose());
    return rows.matMul(nchw).transpose(0, 2, 3, 1);
  }

  private static NDArray depthToSpace(TfjsGraphNode node, NDList in, NDManager manager) {
    requireNhwc(node);
    long block = node.integer("block_size", 0);
    Shape s = in.get(0).getShape();
    long depth = s.get(3) / (block * block);
    if (block < 1 || depth * block * block != s.get(3)) {
      throw node.invalid("cannot split " + s.get(3) + " channels into blocks of " + block);
    }
    return in.get(0)
        .reshape(s.get(0), s.get(1), s.get(2), block, block, depth)
        .transpose(0, 1, 3, 2, 4, 5)
        .reshape(s.get(0), s.get(1) * block, s.get(2) * block, depth);
  }

  private static void requireNhwc(TfjsGraphNode node) {
    String format = node.string("data_format", "NHWC");
    if (!format.equals("NHWC")) {
      throw node.invalid("has data_format " + format + "; only NHWC is supported");
    }
  }

  /** The height and width entries of an NHWC list attribute such as {@code strides}. */
  private static long[] spatial(TfjsGraphNode node, String attribute) {
    long[] values = node.integers(attribute);
    if (values.length != 4 || values[0] != 1 || values[3] != 1) {
      throw node.invalid("has unsupported " + attribute + " " + java.util.Arrays.toString(values));
    }
    return new long[] {values[1], values[2]};
  }
}
