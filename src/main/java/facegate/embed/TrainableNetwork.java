package facegate.embed;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import facegate.core.AtomicFiles;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An embedding network opened for training: its DJL {@link Model}, which parameters form the head
 * (trained at the full learning rate when fine-tuning) and which stages can be frozen, the input
 * normalisation, and saving to a folder that {@link DjlFaceEmbedder} loads (parameters plus {@code
 * model.json}).
 */
public final class TrainableNetwork implements AutoCloseable {
  private final Model model;
  private final EmbeddingArchitecture architecture;
  private final int inputSize;
  private final boolean initialised;

  private TrainableNetwork(
      Model model, EmbeddingArchitecture architecture, int inputSize, boolean initialised) {
    this.model = model;
    this.architecture = architecture;
    this.inputSize = inputSize;
    this.initialised = initialised;
  }

  /** A new network with random weights (set by the trainer's initialisation). */
  public static TrainableNetwork fresh(
      EmbeddingArchitecture architecture, int inputSize, Device device) {
    if (!architecture.acceptsInputSize(inputSize)) {
      throw new IllegalArgumentException(architecture.id() + " cannot take " + inputSize + " px");
    }
    Model model = Model.newInstance(architecture.id(), device);
    model.setBlock(architecture.newBlock());
    return new TrainableNetwork(model, architecture, inputSize, false);
  }

  /**
   * The network saved in {@code dir} (a converted or a trained model folder), to fine-tune.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID
   */
  public static TrainableNetwork load(Path dir, Device device) {
    ModelCard card = ModelCard.read(dir);
    EmbeddingArchitecture architecture = EmbeddingArchitecture.byId(card.architecture());
    Model model = Model.newInstance(card.name(), device);
    try {
      model.setBlock(architecture.newBlock());
      model.load(dir, card.name());
      // A block read from a parameter file knows its input shapes but not their names, and
      // Model.save then fails ("key value size mismatch"); initialising it again names them
      // and keeps the loaded weights (DJL skips parameters that are already initialised).
      model
          .getBlock()
          .initialize(
              model.getNDManager(),
              DataType.FLOAT32,
              new Shape(1, 3, card.inputSize(), card.inputSize()));
      TrainableNetwork network = new TrainableNetwork(model, architecture, card.inputSize(), true);
      network.withoutGradientForRunningStatistics();
      return network;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot load " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Takes the gradient off batch norm's running mean and variance, which PyTorch refuses to
   * differentiate ("native_batch_norm is not differentiable with respect to running_mean"). DJL's
   * trainer, created over a loaded network, marks every parameter as needing a gradient, the
   * running statistics too; call this after creating the trainer (it was what made {@code --resume}
   * and fine-tuning a batch-norm network fail).
   *
   * @return how many parameters were changed
   */
  public int withoutGradientForRunningStatistics() {
    int changed = 0;
    for (Parameter parameter : model.getBlock().getParameters().values()) {
      Parameter.Type type = parameter.getType();
      if ((type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR)
          && parameter.isInitialized()) {
        parameter.freeze(true);
        changed++;
      }
    }
    return changed;
  }

  public Model model() {
    return model;
  }

  public EmbeddingArchitecture architecture() {
    return architecture;
  }

  public int inputSize() {
    return inputSize;
  }

  /** False for a fresh network: the trainer must initialise its parameters first. */
  public boolean initialised() {
    return initialised;
  }

  /** The input shape of a batch of {@code n}. */
  public Shape inputShape(int n) {
    return new Shape(n, 3, inputSize, inputSize);
  }

  /** Ids of the head's parameters (the last linear map to 128); the rest is the backbone. */
  public Set<String> headParameterIds() {
    Set<String> ids = new HashSet<>();
    Block block = model.getBlock();
    if (block instanceof DlibResNetBlock) {
      block.getDirectParameters().values().forEach(p -> ids.add(p.getId()));
    } else {
      List<Pair<String, Block>> children = block.getChildren().stream().toList();
      children.get(children.size() - 1).getValue().getParameters().values().stream()
          .map(Parameter::getId)
          .forEach(ids::add);
    }
    return ids;
  }

  /**
   * Freezes the stem and the first {@code stages} residual stages (dlib ResNet: 4 stages at 32, 64,
   * 128, 256 channels; small ResNet: 3 at 64, 128, 256). 0 freezes nothing.
   *
   * @return how many parameters were frozen
   */
  public int freezeStages(int stages) {
    if (stages <= 0) {
      return 0;
    }
    int frozen = 0;
    String[] dlibStages = {"conv32", "conv64", "conv128", "conv256"};
    List<Pair<String, Block>> children = model.getBlock().getChildren().stream().toList();
    for (int i = 0; i < children.size(); i++) {
      String name = children.get(i).getKey();
      boolean freeze;
      if (model.getBlock() instanceof DlibResNetBlock) {
        int stage = name.startsWith("conv32_down") ? 0 : -1;
        for (int s = 0; s < dlibStages.length && stage < 0; s++) {
          if (name.contains(dlibStages[s] + "_")) {
            stage = s + 1;
          }
        }
        freeze = stage >= 0 && stage <= stages && !name.endsWith("conv256_down_out");
      } else {
        // children: conv, batch norm, relu (stem, "stage 0"), then one child per stage.
        freeze = i < 3 + stages;
      }
      if (freeze) {
        Block child = children.get(i).getValue();
        child.freezeParameters(true);
        frozen += child.getParameters().size();
      }
    }
    return frozen;
  }

  /** Normalised {@code [3, s, s]} input of one chip already resized to {@link #inputSize()}. */
  public NDArray toInput(NDManager manager, RgbImage chip) {
    if (chip.width() != inputSize || chip.height() != inputSize) {
      throw new IllegalArgumentException("expected a " + inputSize + " px chip");
    }
    int plane = inputSize * inputSize;
    double[] mean = architecture.meanRgb();
    float scale = (float) architecture.scale();
    float[] chw = new float[3 * plane];
    byte[] rgb = chip.rgb();
    for (int pixel = 0; pixel < plane; pixel++) {
      for (int c = 0; c < 3; c++) {
        chw[c * plane + pixel] = (float) (((rgb[pixel * 3 + c] & 0xff) - mean[c]) * scale);
      }
    }
    return manager.create(chw, new Shape(3, inputSize, inputSize));
  }

  /**
   * Writes the parameters and a {@code model.json} that {@link DjlFaceEmbedder#load} reads into
   * {@code dir}; {@code extra} fields (training manifest, licence) are added to model.json.
   */
  public void save(Path dir, String name, JsonObject extra) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path file : old.filter(f -> f.toString().endsWith(".params")).toList()) {
          Files.delete(file);
        }
      }
      model.setProperty("Epoch", "0");
      model.save(dir, name);
      JsonObject card = new JsonObject();
      card.addProperty("name", name);
      card.addProperty("architecture", architecture.id());
      card.addProperty("inputSize", inputSize);
      card.addProperty("channelOrder", "RGB");
      com.google.gson.JsonArray mean = new com.google.gson.JsonArray();
      for (double m : architecture.meanRgb()) {
        mean.add(m);
      }
      card.add("meanRgb", mean);
      card.addProperty("scale", architecture.scale());
      card.addProperty("normalization", "input = (pixel - meanRgb[channel]) * scale, NCHW float32");
      card.addProperty("dimension", architecture.dimension());
      card.addProperty("output", "128-d descriptor; facegate L2-normalises it");
      card.addProperty("metric", "cosine");
      extra.entrySet().forEach(e -> card.add(e.getKey(), e.getValue()));
      AtomicFiles.replace(
          dir.resolve(ModelCard.FILE_NAME),
          new GsonBuilder().setPrettyPrinting().create().toJson(card) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the network to " + dir, e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
