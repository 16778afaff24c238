package facegate.embed;

import com.google.gson.Gson;
import facegate.core.ChipAlignment;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the runtime needs from a converted model's {@code model.json} (the file holds more: source,
 * licence, checksums, the command that made it).
 *
 * @param name parameter file prefix: {@code <name>-0000.params}
 * @param architecture which block to build, e.g. {@code faceapi-dlib-resnet}
 * @param inputSize side of the square RGB input, in pixels
 * @param channelOrder {@code RGB}, or {@code BGR} (graph models only: the chip's channels reversed)
 * @param meanRgb per-channel mean subtracted from 0-255 pixel values, in the input's channel order
 * @param scale factor applied after subtracting the mean
 * @param dimension length of the network's output vector
 * @param verifyThreshold the calibrated cosine threshold (accept when score ≥ it), or null when the
 *     model has not been calibrated; within [-1, 1] when present
 * @param identifyThreshold the calibrated open-set identification threshold (a candidate is known
 *     when its score ≥ it), or null when not calibrated; within [-1, 1] when present
 * @param singleViewMargin how far a single-view probe's score may lie from the mirror-summed one's
 *     (see {@code FaceEmbedder.singleViewMargin}), or null when not calibrated; in [0, 2] when
 *     present
 * @param graph for a graph model, its graph file in the folder (TFJS {@code model.json} or ONNX
 *     file); null otherwise
 * @param output for a graph model, the graph node whose value is the embedding; null otherwise
 * @param alignment where the network expects the face in its chip ({@link ChipAlignment#id()}:
 *     {@code dlib} or {@code arcface}); null means {@code dlib}
 */
record ModelCard(
    String name,
    String architecture,
    int inputSize,
    String channelOrder,
    double[] meanRgb,
    double scale,
    int dimension,
    Double verifyThreshold,
    Double identifyThreshold,
    Double singleViewMargin,
    String graph,
    String output,
    String alignment) {
  static final String FILE_NAME = "model.json";

  ModelCard {
    if (name == null || architecture == null || inputSize < 1 || dimension < 1) {
      throw new IllegalArgumentException(
          "model.json needs name, architecture, inputSize, dimension");
    }
    boolean order = "RGB".equals(channelOrder) || "BGR".equals(channelOrder);
    if (!order || meanRgb == null || meanRgb.length != 3 || !(scale > 0)) {
      throw new IllegalArgumentException(
          "model.json needs channelOrder RGB or BGR, 3 meanRgb, scale > 0");
    }
    ChipAlignment.byId(alignment); // throws for an unknown name
    meanRgb = meanRgb.clone();
    if (verifyThreshold != null && !(verifyThreshold >= -1 && verifyThreshold <= 1)) {
      throw new IllegalArgumentException(
          "model.json verifyThreshold must be a cosine in [-1, 1]: " + verifyThreshold);
    }
    if (identifyThreshold != null && !(identifyThreshold >= -1 && identifyThreshold <= 1)) {
      throw new IllegalArgumentException(
          "model.json identifyThreshold must be a cosine in [-1, 1]: " + identifyThreshold);
    }
    if (singleViewMargin != null && !(singleViewMargin >= 0 && singleViewMargin <= 2)) {
      throw new IllegalArgumentException(
          "model.json singleViewMargin must be in [0, 2]: " + singleViewMargin);
    }
  }

  /** Reads {@code dir/model.json}; a missing file is MODEL_NOT_FOUND, a bad one MODEL_INVALID. */
  static ModelCard read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new FaceException(
          ErrorCode.MODEL_NOT_FOUND,
          "no " + file + "; create it with `facegate convert-faceapi --package DIR --out models`");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      ModelCard card = new Gson().fromJson(reader, ModelCard.class);
      if (card == null) {
        throw new IllegalArgumentException("empty file");
      }
      return card;
    } catch (IOException | RuntimeException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** True when the network takes its input channels as blue, green, red. */
  boolean bgr() {
    return "BGR".equals(channelOrder);
  }

  /** {@link #alignment} as the enum; {@link ChipAlignment#DLIB} when absent. */
  ChipAlignment chipAlignment() {
    return ChipAlignment.byId(alignment);
  }

  /**
   * What the network's input is made of, as one line: side, channel order, mean, scale and
   * alignment. Cached embeddings of a model are keyed by it (not by the whole file, which
   * calibration rewrites).
   */
  String inputSignature() {
    return "inputSize="
        + inputSize
        + " channelOrder="
        + channelOrder
        + " meanRgb="
        + java.util.Arrays.toString(meanRgb)
        + " scale="
        + scale
        + " alignment="
        + chipAlignment().id();
  }

  /**
   * What a gallery of this model records as its model: the name and, for a graph card (TFJS, ONNX),
   * whose input is written by hand (and was corrected for FaceRes and MobileFace after galleries
   * existed), its {@link #inputSignature()} too. Templates embedded from another input then never
   * meet: the gallery refuses to open with {@code gallery_model_mismatch}. A converted model's
   * input is fixed by its converter, so its identity is its name alone.
   */
  String galleryModelName() {
    return GraphFaceEmbedder.isGraph(architecture)
        ? name + " (input " + inputSignature() + ")"
        : name;
  }

  @Override
  public double[] meanRgb() {
    return meanRgb.clone();
  }
}
