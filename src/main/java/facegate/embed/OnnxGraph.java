package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ONNX graph ({@link OnnxModel}) executed on DJL arrays (the PyTorch engine), NCHW as ONNX has
 * it. The ops are those of the ONNX face embedders shipped here (MobileFaceNet-style networks with
 * batch norm folded into the convolutions): {@code Conv} (any group count, symmetric pads), {@code
 * PRelu}, {@code Add} and {@code Reshape}; a model with any other op is refused at load with all of
 * them named.
 *
 * <p>One input, the graph's declared outputs. Thread-safe like {@link TfjsGraph}: each {@link #run}
 * works in its own sub-manager; the initializers are shared and never written.
 */
public final class OnnxGraph implements AutoCloseable {
  private static final Set<String> SUPPORTED = Set.of("Conv", "PRelu", "Add", "Reshape");

  private final NDManager manager;
  private final OnnxModel model;
  private final Map<String, NDArray> constants = new HashMap<>();
  private final Map<String, long[]> integerConstants = new HashMap<>();
  private final Set<NDArray> constantArrays = Collections.newSetFromMap(new IdentityHashMap<>());

  private OnnxGraph(NDManager manager, OnnxModel model) {
    this.manager = manager;
    this.model = model;
    model
        .initializers()
        .forEach(
            (name, tensor) -> {
              if (tensor.floats() != null) {
                constants.put(name, manager.create(tensor.floats(), new Shape(tensor.dims())));
              } else {
                integerConstants.put(name, tensor.longs());
              }
            });
    constantArrays.addAll(constants.values());
  }

  /**
   * Loads an ONNX file.
   *
   * @throws FaceException MODEL_NOT_FOUND when the file is missing, MODEL_INVALID when it cannot be
   *     read or uses ops this class does not execute (the message names all of them)
   */
  public static OnnxGraph load(Path file) {
    OnnxModel model = OnnxModel.read(file);
    Set<String> unsupported = new TreeSet<>();
    for (OnnxModel.Node node : model.nodes()) {
      if (!SUPPORTED.contains(node.op())) {
        unsupported.add(node.op());
      } else if (node.op().equals("Conv")) {
        symmetricPads(node); // refuse at load what run could not execute
      }
    }
    if (!unsupported.isEmpty()) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          file + " uses ONNX ops this importer does not execute: " + unsupported);
    }
    NDManager manager = NDManager.newBaseManager();
    try {
      return new OnnxGraph(manager, model);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The input's shape from the model (NCHW for images), {@code -1} where any size is accepted. */
  public long[] inputShape() {
    return model.inputShape().clone();
  }

  /** The graph's output names, in the order {@link #run} returns them. */
  public List<String> outputNames() {
    return model.outputNames();
  }

  /**
   * Runs the graph on {@code input} (float values in the model's layout, NCHW for images).
   *
   * @return each output by name, in {@link #outputNames()} order
   * @throws IllegalArgumentException when the input's shape does not fit {@link #inputShape()}
   */
  public Map<String, TfjsTensor> run(TfjsTensor input) {
    int[] shape = input.shape();
    TfjsTensor.requireFits(shape, model.inputShape());
    try (NDManager call = manager.newSubManager()) {
      Map<String, NDArray> values = new HashMap<>(constants);
      long[] dims = Arrays.stream(shape).asLongStream().toArray();
      values.put(model.inputName(), call.create(input.values(), new Shape(dims)));
      for (OnnxModel.Node node : model.nodes()) {
        NDArray result;
        try {
          result = execute(node, values);
        } catch (FaceException e) {
          throw e;
        } catch (RuntimeException e) {
          throw new FaceException(
              ErrorCode.INTERNAL,
              "onnx node " + node.name() + " (" + node.op() + ") failed: " + e,
              e);
        }
        if (result.getManager() != call && !constantArrays.contains(result)) {
          result.attach(call);
        }
        values.put(node.outputs().get(0), result);
      }
      Map<String, TfjsTensor> outputs = new LinkedHashMap<>();
      for (String name : model.outputNames()) {
        outputs.put(name, TfjsTensor.of(name, values.get(name)));
      }
      return outputs;
    }
  }

  private NDArray execute(OnnxModel.Node node, Map<String, NDArray> values) {
    List<NDArray> in = new ArrayList<>();
    for (String name : node.inputs()) {
      if (name.isEmpty() || integerConstants.containsKey(name)) {
        in.add(null); // an omitted optional input, or an int64 constant read by the op itself
        continue;
      }
      NDArray value = values.get(name);
      if (value == null) {
        throw node.invalid("reads " + name + ", which no earlier node or initializer makes");
      }
      in.add(value);
    }
    return switch (node.op()) {
      case "Conv" -> convolution(node, in);
      case "PRelu" -> {
        NDArray x = in.get(0);
        yield x.maximum(0f).add(x.minimum(0f).mul(in.get(1)));
      }
      case "Add" -> in.get(0).add(in.get(1));
      case "Reshape" -> reshape(node, in.get(0));
      default -> throw node.invalid("is not supported");
    };
  }

  private static NDArray convolution(OnnxModel.Node node, List<NDArray> in) {
    NDArray x = in.get(0);
    NDArray weight = in.get(1);
    NDArray bias = in.size() > 2 ? in.get(2) : null;
    long[] pads = symmetricPads(node);
    long[] strides = node.integers("strides", new long[] {1, 1});
    long[] dilations = node.integers("dilations", new long[] {1, 1});
    int groups = (int) node.integer("group", 1);
    return Conv2d.conv2d(
            x,
            weight,
            bias,
            new Shape(strides),
            new Shape(pads[0], pads[1]),
            new Shape(dilations),
            groups)
        .singletonOrThrow();
  }

  /** A Conv node's {@code pads} (top, left, bottom, right), which must be symmetric. */
  private static long[] symmetricPads(OnnxModel.Node node) {
    String autoPad = node.string("auto_pad", "NOTSET");
    if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
      throw node.invalid("has auto_pad " + autoPad + "; only explicit pads are supported");
    }
    long[] pads = node.integers("pads", new long[] {0, 0, 0, 0});
    if (pads.length != 4 || pads[0] != pads[2] || pads[1] != pads[3]) {
      throw node.invalid("has pads " + Arrays.toString(pads) + "; only symmetric 2-D pads run");
    }
    return pads;
  }

  private NDArray reshape(OnnxModel.Node node, NDArray x) {
    long[] target = integerConstants.get(node.inputs().get(1));
    if (target == null) {
      throw node.invalid("needs its shape as an int64 initializer");
    }
    long[] shape = target.clone();
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == 0) {
        shape[i] = x.getShape().get(i); // ONNX: 0 copies the input's size
      }
    }
    return x.reshape(new Shape(shape));
  }

  @Override
  public void close() {
    manager.close();
  }
}
