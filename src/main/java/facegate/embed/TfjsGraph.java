package facegate.embed;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

/**
 * A TensorFlow.js graph model ({@code model.json} with {@code format: graph-model}, its {@code
 * modelTopology.node} GraphDef and {@code weightsManifest} shards) executed on DJL arrays (the
 * PyTorch engine). The general importer for tfjs-converter output: each node's op maps to a small
 * DJL function ({@link #supportedOps()}), weights are read by {@link TfjsWeights} (float32, int32,
 * float16 and uint8/uint16-quantised), convolution filters are converted to PyTorch's layout once,
 * and nodes that depend only on constants are evaluated once at load.
 *
 * <p>One input (the graph's single {@code Placeholder}), any number of outputs: the signature's
 * outputs, or the nodes nothing reads when the model has no signature. Thread-safe: each {@link
 * #run} works in its own sub-manager, closed when it returns; the weights are shared and never
 * written. Closing the graph frees the weights.
 */
public final class TfjsGraph implements AutoCloseable {
  private final NDManager manager;
  private final String inputName;
  private final long[] inputShape;
  private final List<String> outputNames;
  private final Map<String, NDArray> constants;
  private final Set<NDArray> constantArrays = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Step> steps = new ArrayList<>();

  private record Step(TfjsGraphNode node, TfjsOp op) {}

  private TfjsGraph(
      NDManager manager,
      List<TfjsGraphNode> order,
      Map<String, TfjsTensor> weights,
      List<String> outputNames) {
    this.manager = manager;
    this.outputNames = List.copyOf(outputNames);
    TfjsGraphNode placeholder = TfjsGraphLoader.placeholder(order);
    inputName = placeholder.name();
    inputShape = TfjsGraphLoader.placeholderShape(placeholder);
    constants = TfjsGraphLoader.constants(order, weights, manager);
    for (TfjsGraphNode node : order) {
      if (node.op().equals("Const") || node.op().equals("Placeholder")) {
        continue;
      }
      TfjsOp op = TfjsOps.find(node.op()).orElseThrow();
      if (constants.keySet().containsAll(node.inputs())) {
        constants.put(node.name(), fold(node, op));
      } else {
        steps.add(new Step(node, op));
      }
    }
    constantArrays.addAll(constants.values());
  }

  private NDArray fold(TfjsGraphNode node, TfjsOp op) {
    NDList inputs = new NDList();
    node.inputs().forEach(name -> inputs.add(constants.get(name)));
    try {
      return op.apply(node, inputs, manager);
    } catch (FaceException e) {
      throw e;
    } catch (RuntimeException e) {
      throw node.invalid("cannot be evaluated on its constants: " + e.getMessage());
    }
  }

  /**
   * Loads a graph model from its {@code model.json}; the weight shards it names sit beside it.
   *
   * @throws FaceException MODEL_NOT_FOUND when the file is missing, MODEL_INVALID when it is not a
   *     TFJS graph model, its weights do not match, or it uses ops this importer does not support
   *     (the message names all of them)
   */
  public static TfjsGraph load(Path modelJson) {
    return load(modelJson, List.of());
  }

  /**
   * As {@link #load(Path)}, computing only {@code outputs} (node names; all of the model's outputs
   * when empty): nodes that only other outputs need are never run.
   *
   * @throws FaceException also MODEL_INVALID when the graph has no node of one of these names
   */
  public static TfjsGraph load(Path modelJson, List<String> outputs) {
    JsonObject root;
    try {
      root =
          JsonParser.parseString(Files.readString(modelJson, StandardCharsets.UTF_8))
              .getAsJsonObject();
    } catch (NoSuchFileException e) {
      throw new FaceException(ErrorCode.MODEL_NOT_FOUND, "no tfjs graph model at " + modelJson, e);
    } catch (IOException | RuntimeException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot read tfjs graph model " + modelJson + ": " + e, e);
    }
    if (!root.has("modelTopology") || !root.getAsJsonObject("modelTopology").has("node")) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, modelJson + " has no modelTopology.node: not a graph model");
    }
    Map<String, TfjsGraphNode> nodes = new LinkedHashMap<>();
    for (JsonElement element : root.getAsJsonObject("modelTopology").getAsJsonArray("node")) {
      TfjsGraphNode node = TfjsGraphNode.parse(element.getAsJsonObject());
      nodes.put(node.name(), node);
    }
    if (outputs.isEmpty()) {
      outputs = TfjsGraphLoader.outputNames(root, nodes);
    }
    List<TfjsGraphNode> order = TfjsGraphLoader.executionOrder(outputs, nodes);
    TfjsGraphLoader.requireSupported(order, modelJson);
    Map<String, TfjsTensor> weights =
        root.has("weightsManifest")
            ? TfjsWeights.read(
                modelJson.toAbsolutePath().getParent(), root.getAsJsonArray("weightsManifest"))
            : Map.of();
    NDManager manager = NDManager.newBaseManager();
    try {
      return new TfjsGraph(manager, order, weights, outputs);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Every op name the importer can execute, sorted. */
  public static Set<String> supportedOps() {
    return TfjsOps.supported();
  }

  /** The input's shape from the model, {@code -1} where any size is accepted (e.g. batch). */
  public long[] inputShape() {
    return inputShape.clone();
  }

  /** The output node names, in the order {@link #run} returns them. */
  public List<String> outputNames() {
    return outputNames;
  }

  /**
   * Runs the graph on {@code input} (float values in the model's layout, NHWC for images).
   *
   * @return each output by node name, in {@link #outputNames()} order, as float32 (integer outputs
   *     converted)
   * @throws IllegalArgumentException when the input's shape does not fit {@link #inputShape()}
   */
  public Map<String, TfjsTensor> run(TfjsTensor input) {
    int[] shape = input.shape();
    TfjsTensor.requireFits(shape, inputShape);
    try (NDManager call = manager.newSubManager()) {
      Map<String, NDArray> values = new HashMap<>(constants);
      long[] dims = Arrays.stream(shape).asLongStream().toArray();
      values.put(inputName, call.create(input.values(), new Shape(dims)));
      for (Step step : steps) {
        values.put(step.node().name(), execute(step, values, call));
      }
      Map<String, TfjsTensor> outputs = new LinkedHashMap<>();
      for (String name : outputNames) {
        outputs.put(name, TfjsTensor.of(name, values.get(name)));
      }
      return outputs;
    }
  }

  private NDArray execute(Step step, Map<String, NDArray> values, NDManager call) {
    NDList inputs = new NDList(step.node().inputs().size());
    for (String name : step.node().inputs()) {
      inputs.add(values.get(name));
    }
    NDArray result;
    try {
      result = step.op().apply(step.node(), inputs, call);
    } catch (FaceException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new FaceException(
          ErrorCode.INTERNAL,
          "tfjs graph node " + step.node().name() + " (" + step.node().op() + ") failed: " + e,
          e);
    }
    if (result.getManager() != call && !constantArrays.contains(result)) {
      result.attach(call); // an op called on a weight: its result belongs to this run
    }
    return result;
  }

  /** Arrays the graph holds between runs (its weights); must not grow with calls. */
  int arraysHeld() {
    return manager.getManagedArrays().size();
  }

  @Override
  public void close() {
    manager.close();
  }
}
