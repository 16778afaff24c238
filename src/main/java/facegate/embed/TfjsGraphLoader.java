package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The load-time steps of {@link TfjsGraph}: which nodes produce the outputs and in what order,
 * whether every op is supported, the graph's input, and its constants as DJL arrays (convolution
 * filters converted to PyTorch's layout).
 */
final class TfjsGraphLoader {
  private static final Set<String> CONVOLUTIONS = Set.of("Conv2D", "_FusedConv2D");
  private static final Set<String> DEPTHWISE =
      Set.of("DepthwiseConv2dNative", "FusedDepthwiseConv2dNative");

  private TfjsGraphLoader() {}

  /** The signature's outputs ({@code name:0} read as {@code name}), else the nodes nobody reads. */
  static List<String> outputNames(JsonObject root, Map<String, TfjsGraphNode> nodes) {
    List<String> names = new ArrayList<>();
    JsonObject signature = root.has("signature") ? root.getAsJsonObject("signature") : null;
    if (signature != null && signature.has("outputs")) {
      for (Map.Entry<String, JsonElement> output :
          signature.getAsJsonObject("outputs").entrySet()) {
        String name = output.getValue().getAsJsonObject().get("name").getAsString();
        names.add(name.endsWith(":0") ? name.substring(0, name.length() - 2) : name);
      }
      return names;
    }
    Set<String> read = new HashSet<>();
    nodes.values().forEach(node -> read.addAll(node.inputs()));
    for (TfjsGraphNode node : nodes.values()) {
      if (!read.contains(node.name()) && !node.op().equals("Const")) {
        names.add(node.name());
      }
    }
    return names;
  }

  /** The nodes the outputs depend on, each after its inputs. */
  static List<TfjsGraphNode> executionOrder(
      List<String> outputs, Map<String, TfjsGraphNode> nodes) {
    List<TfjsGraphNode> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> visiting = new HashSet<>();
    Deque<String[]> stack = new ArrayDeque<>();
    for (String output : outputs) {
      stack.push(new String[] {output, "enter"});
      while (!stack.isEmpty()) {
        String[] top = stack.pop();
        String name = top[0];
        TfjsGraphNode node = nodes.get(name);
        if (node == null) {
          throw new FaceException(ErrorCode.MODEL_INVALID, "tfjs graph has no node " + name);
        }
        if (top[1].equals("exit")) {
          visiting.remove(name);
          if (done.add(name)) {
            order.add(node);
          }
          continue;
        }
        if (done.contains(name)) {
          continue;
        }
        if (!visiting.add(name)) {
          throw new FaceException(ErrorCode.MODEL_INVALID, "tfjs graph has a cycle at " + name);
        }
        stack.push(new String[] {name, "exit"});
        for (String input : node.inputs()) {
          if (!done.contains(input)) {
            stack.push(new String[] {input, "enter"});
          }
        }
      }
    }
    return order;
  }

  /** MODEL_INVALID naming every op of {@code order} the importer cannot run. */
  static void requireSupported(List<TfjsGraphNode> order, Path model) {
    Set<String> unsupported = new TreeSet<>();
    for (TfjsGraphNode node : order) {
      String op = node.op();
      if (!op.equals("Const") && !op.equals("Placeholder") && TfjsOps.find(op).isEmpty()) {
        unsupported.add(op);
      }
    }
    if (!unsupported.isEmpty()) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          model + " uses ops the tfjs graph importer does not support: " + unsupported);
    }
  }

  /** The single Placeholder the outputs depend on. */
  static TfjsGraphNode placeholder(List<TfjsGraphNode> order) {
    List<TfjsGraphNode> inputs =
        order.stream().filter(node -> node.op().equals("Placeholder")).toList();
    if (inputs.size() != 1) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "tfjs graph needs exactly one input (Placeholder), has " + inputs.size());
    }
    if (!inputs.get(0).type("dtype").equals("DT_FLOAT")) {
      throw inputs.get(0).invalid("is not a float input");
    }
    return inputs.get(0);
  }

  /** The Placeholder's {@code shape} attribute, -1 for unknown sizes. */
  static long[] placeholderShape(TfjsGraphNode placeholder) {
    if (!placeholder.has("shape")) {
      throw placeholder.invalid("has no shape");
    }
    JsonObject shape = placeholder.attributes().getAsJsonObject("shape").getAsJsonObject("shape");
    List<Long> dims = new ArrayList<>();
    if (shape.has("dim")) {
      for (JsonElement dim : shape.getAsJsonArray("dim")) {
        JsonObject size = dim.getAsJsonObject();
        dims.add(size.has("size") ? size.get("size").getAsLong() : -1L);
      }
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Every Const of {@code order} as an array in {@code manager}, plus, for each convolution filter,
   * its PyTorch-layout copy; convolution nodes are rewritten to read the copy.
   */
  static Map<String, NDArray> constants(
      List<TfjsGraphNode> order, Map<String, TfjsTensor> weights, NDManager manager) {
    Map<String, NDArray> constants = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      TfjsGraphNode node = order.get(i);
      if (node.op().equals("Const")) {
        constants.put(node.name(), constant(node, weights, manager));
      } else if (CONVOLUTIONS.contains(node.op()) || DEPTHWISE.contains(node.op())) {
        order.set(i, withTorchFilter(node, weights, constants, manager));
      }
    }
    return constants;
  }

  private static NDArray constant(
      TfjsGraphNode node, Map<String, TfjsTensor> weights, NDManager manager) {
    TfjsTensor tensor = weights.get(node.name());
    if (tensor == null) {
      throw node.invalid("has no values in the weights manifest");
    }
    Shape shape = new Shape(java.util.Arrays.stream(tensor.shape()).asLongStream().toArray());
    String type = node.type("dtype");
    return switch (type) {
      case "DT_FLOAT" -> manager.create(tensor.values(), shape);
      case "DT_INT32" -> {
        float[] values = tensor.values();
        int[] ints = new int[values.length];
        for (int k = 0; k < ints.length; k++) {
          ints[k] = Math.round(values[k]);
        }
        yield manager.create(ints, shape);
      }
      default -> throw node.invalid("has unsupported dtype " + type);
    };
  }

  private static TfjsGraphNode withTorchFilter(
      TfjsGraphNode node,
      Map<String, TfjsTensor> weights,
      Map<String, NDArray> constants,
      NDManager manager) {
    String filterName = node.input(1);
    TfjsTensor filter = weights.get(filterName);
    if (filter == null || filter.shape().length != 4) {
      throw node.invalid("needs a constant 4-D filter, " + filterName + " is not one");
    }
    int[] s = filter.shape();
    boolean depthwise = DEPTHWISE.contains(node.op());
    // Depthwise [h, w, in, multiplier] is HWIO with I = 1 and O = in * multiplier.
    int[] hwio = depthwise ? new int[] {s[0], s[1], 1, s[2] * s[3]} : s;
    String converted = filterName + (depthwise ? "#depthwise-oihw" : "#oihw");
    constants.computeIfAbsent(
        converted,
        name ->
            manager.create(
                TfjsImport.hwioToOihw(filter.values(), hwio),
                new Shape(hwio[3], hwio[2], hwio[0], hwio[1])));
    List<String> inputs = new ArrayList<>(node.inputs());
    inputs.set(1, converted);
    return new TfjsGraphNode(node.name(), node.op(), inputs, node.attributes());
  }
}
