package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * Ops that move or describe values without computing new ones: identity, shape, strided slice,
 * pack, reshape, concat, squeeze, expand, transpose, cast. Shapes travel as int32 tensors, as in
 * TensorFlow. Negative axes count from the end.
 */
final class TfjsShapeOps {
  private TfjsShapeOps() {}

  static void register(Map<String, TfjsOp> table) {
    TfjsOp identity = (node, in, manager) -> in.get(0);
    table.put("Identity", identity);
    table.put("Snapshot", identity);
    table.put("StopGradient", identity);
    table.put(
        "Shape",
        (node, in, manager) ->
            manager.create(
                Arrays.stream(in.get(0).getShape().getShape())
                    .mapToInt(Math::toIntExact)
                    .toArray()));
    table.put("StridedSlice", TfjsShapeOps::stridedSlice);
    table.put(
        "Pack",
        (node, in, manager) ->
            NDArrays.stack(
                in, axis(node.integer("axis", 0), in.get(0).getShape().dimension() + 1)));
    table.put("Reshape", (node, in, manager) -> in.get(0).reshape(new Shape(longs(in.get(1)))));
    table.put("ConcatV2", TfjsShapeOps::concat);
    table.put("Squeeze", TfjsShapeOps::squeeze);
    table.put(
        "ExpandDims",
        (node, in, manager) ->
            in.get(0).expandDims(axis(longs(in.get(1))[0], in.get(0).getShape().dimension() + 1)));
    table.put(
        "Transpose",
        (node, in, manager) ->
            in.get(0)
                .transpose(Arrays.stream(longs(in.get(1))).mapToInt(Math::toIntExact).toArray()));
    table.put("Cast", TfjsShapeOps::cast);
  }

  /** The values of a small integer tensor (a shape, axes, paddings) as longs. */
  static long[] longs(NDArray values) {
    return values.toType(DataType.INT64, false).toLongArray();
  }

  /** {@code axis} in {@code [0, rank)}, counting negative values from the end. */
  static int axis(long axis, int rank) {
    long resolved = axis < 0 ? axis + rank : axis;
    if (resolved < 0 || resolved >= rank) {
      throw new IllegalArgumentException("axis " + axis + " outside a rank-" + rank + " tensor");
    }
    return (int) resolved;
  }

  private static NDArray concat(TfjsGraphNode node, NDList in, NDManager manager) {
    NDList parts = new NDList(in.subList(0, in.size() - 1));
    int axis = axis(longs(in.get(in.size() - 1))[0], parts.get(0).getShape().dimension());
    return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, axis);
  }

  private static NDArray squeeze(TfjsGraphNode node, NDList in, NDManager manager) {
    NDArray x = in.get(0);
    long[] dims = node.integers("squeeze_dims");
    if (dims.length == 0) {
      return x.squeeze();
    }
    int rank = x.getShape().dimension();
    return x.squeeze(Arrays.stream(dims).mapToInt(d -> axis(d, rank)).toArray());
  }

  private static NDArray cast(TfjsGraphNode node, NDList in, NDManager manager) {
    String type = node.type("DstT");
    DataType target =
        switch (type) {
          case "DT_FLOAT" -> DataType.FLOAT32;
          case "DT_INT32" -> DataType.INT32;
          default -> throw node.invalid("casts to unsupported type " + type);
        };
    return in.get(0).toType(target, false);
  }

  /**
   * {@code x[begin:end:stride]} per axis, with TensorFlow's begin, end and shrink-axis masks.
   * Ellipsis and new-axis masks and negative strides are not supported (MODEL_INVALID).
   */
  private static NDArray stridedSlice(TfjsGraphNode node, NDList in, NDManager manager) {
    if (node.integer("ellipsis_mask", 0) != 0 || node.integer("new_axis_mask", 0) != 0) {
      throw node.invalid("uses ellipsis or new-axis masks, which are not supported");
    }
    NDArray x = in.get(0);
    long[] begin = longs(in.get(1));
    long[] end = longs(in.get(2));
    long[] strides = longs(in.get(3));
    long beginMask = node.integer("begin_mask", 0);
    long endMask = node.integer("end_mask", 0);
    long shrinkMask = node.integer("shrink_axis_mask", 0);
    Shape shape = x.getShape();
    StringBuilder index = new StringBuilder();
    int[] shrink = new int[Long.bitCount(shrinkMask & ((1L << begin.length) - 1))];
    int shrunk = 0;
    for (int axis = 0; axis < begin.length; axis++) {
      long size = shape.get(axis);
      if (strides[axis] <= 0) {
        throw node.invalid("has stride " + strides[axis] + "; only positive strides are supported");
      }
      long from = (beginMask >> axis & 1) == 1 ? 0 : clamp(begin[axis], size);
      long to = (endMask >> axis & 1) == 1 ? size : clamp(end[axis], size);
      if ((shrinkMask >> axis & 1) == 1) {
        to = from + 1;
        shrink[shrunk++] = axis;
      }
      index.append(axis == 0 ? "" : ",").append(from).append(':').append(Math.max(to, from));
      index.append(':').append(strides[axis]);
    }
    NDArray sliced = x.get(new NDIndex(index.toString()));
    return shrink.length == 0 ? sliced : sliced.squeeze(shrink);
  }

  private static long clamp(long position, long size) {
    long resolved = position < 0 ? position + size : position;
    return Math.max(0, Math.min(size, resolved));
  }
}
