package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Element-wise arithmetic (with NumPy broadcasting, as TensorFlow), activations, reductions and
 * matrix products, including the fused forms tfjs's converter emits ({@code _FusedMatMul} and the
 * activations fused into convolutions).
 */
final class TfjsMathOps {
  private TfjsMathOps() {}

  static void register(Map<String, TfjsOp> table) {
    binary(table, "Add", NDArray::add);
    binary(table, "AddV2", NDArray::add);
    binary(table, "BiasAdd", NDArray::add);
    binary(table, "Sub", NDArray::sub);
    binary(table, "Mul", NDArray::mul);
    binary(table, "RealDiv", NDArray::div);
    binary(table, "Div", NDArray::div);
    binary(table, "Maximum", NDArray::maximum);
    binary(table, "Minimum", NDArray::minimum);
    binary(table, "SquaredDifference", (a, b) -> a.sub(b).square());
    binary(table, "Prelu", TfjsMathOps::prelu);
    unary(table, "Relu", Activation::relu);
    unary(table, "Relu6", Activation::relu6);
    unary(table, "Sigmoid", Activation::sigmoid);
    unary(table, "Tanh", Activation::tanh);
    unary(table, "Abs", NDArray::abs);
    unary(table, "Neg", NDArray::neg);
    unary(table, "Square", NDArray::square);
    unary(table, "Sqrt", NDArray::sqrt);
    unary(table, "Rsqrt", x -> x.sqrt().pow(-1));
    unary(table, "Exp", NDArray::exp);
    unary(table, "Log", NDArray::log);
    unary(table, "Elu", x -> Activation.elu(x, 1f));
    unary(table, "Softmax", x -> x.softmax(-1));
    table.put(
        "LeakyRelu",
        (node, in, manager) -> Activation.leakyRelu(in.get(0), node.real("alpha", 0.2f)));
    table.put("Mean", (node, in, manager) -> reduce(node, in, NDArray::mean));
    table.put("Sum", (node, in, manager) -> reduce(node, in, NDArray::sum));
    table.put("Max", (node, in, manager) -> reduce(node, in, NDArray::max));
    table.put("Min", (node, in, manager) -> reduce(node, in, NDArray::min));
    table.put("MatMul", TfjsMathOps::matMul);
    table.put("_FusedMatMul", TfjsMathOps::matMul);
  }

  private static void binary(Map<String, TfjsOp> table, String op, BinaryOperator<NDArray> f) {
    table.put(op, (node, in, manager) -> f.apply(in.get(0), in.get(1)));
  }

  private static void unary(Map<String, TfjsOp> table, String op, UnaryOperator<NDArray> f) {
    table.put(op, (node, in, manager) -> f.apply(in.get(0)));
  }

  /** {@code max(x, 0) + alpha * min(x, 0)}. */
  static NDArray prelu(NDArray x, NDArray alpha) {
    return x.maximum(0f).add(x.minimum(0f).mul(alpha));
  }

  interface Reduction {
    NDArray apply(NDArray x, int[] axes, boolean keepDimensions);
  }

  private static NDArray reduce(TfjsGraphNode node, NDList in, Reduction reduction) {
    NDArray x = in.get(0);
    int rank = x.getShape().dimension();
    int[] axes =
        Arrays.stream(TfjsShapeOps.longs(in.get(1)))
            .mapToInt(axis -> TfjsShapeOps.axis(axis, rank))
            .distinct()
            .sorted()
            .toArray();
    return reduceEach(x, axes, node.flag("keep_dims", false), reduction);
  }

  /**
   * Reduces {@code x} over each of {@code axes} (ascending, distinct) in turn, keeping dimensions
   * until the end: the PyTorch engine reduces over one axis per call only, and sum, mean, max and
   * min over several axes equal the same reduction applied axis after axis.
   */
  static NDArray reduceEach(NDArray x, int[] axes, boolean keepDimensions, Reduction reduction) {
    if (axes.length == 0) {
      return x;
    }
    NDArray result = x;
    for (int k = axes.length - 1; k >= 0; k--) {
      result = reduction.apply(result, new int[] {axes[k]}, true);
    }
    return keepDimensions ? result : result.squeeze(axes);
  }

  private static NDArray matMul(TfjsGraphNode node, NDList in, NDManager manager) {
    NDArray a = in.get(0);
    NDArray b = in.get(1);
    if (a.getShape().dimension() != 2 || b.getShape().dimension() != 2) {
      throw node.invalid("multiplies rank " + a.getShape() + " by " + b.getShape() + "; only 2-D");
    }
    if (node.flag("transpose_a", false)) {
      a = a.transpose();
    }
    if (node.flag("transpose_b", false)) {
      b = b.transpose();
    }
    NDArray product = a.matMul(b);
    List<String> fused = node.strings("fused_ops");
    if (!fused.isEmpty() && fused.get(0).equals("BiasAdd")) {
      product = product.add(in.get(2));
    }
    return fusedActivations(node, fused, product, in);
  }

  /**
   * Applies what follows {@code BiasAdd} in a fused op's {@code fused_ops} (the bias itself is the
   * caller's, input 2): an activation, whose parameter, if any, is input 3 (Prelu) or the {@code
   * leakyrelu_alpha} attribute.
   */
  static NDArray fusedActivations(TfjsGraphNode node, List<String> fused, NDArray x, NDList in) {
    int start = !fused.isEmpty() && fused.get(0).equals("BiasAdd") ? 1 : 0;
    if (fused.size() - start > 1) {
      throw node.invalid("fuses " + fused + "; at most one activation after BiasAdd is supported");
    }
    if (fused.size() == start) {
      return x;
    }
    String activation = fused.get(start);
    return switch (activation) {
      case "Relu" -> Activation.relu(x);
      case "Relu6" -> Activation.relu6(x);
      case "Sigmoid" -> Activation.sigmoid(x);
      case "Elu" -> Activation.elu(x, 1f);
      case "LeakyRelu" -> Activation.leakyRelu(x, node.real("leakyrelu_alpha", 0.2f));
      case "Prelu" -> prelu(x, in.get(start == 1 ? 3 : 2));
      default -> throw node.invalid("fuses unsupported " + activation);
    };
  }
}
