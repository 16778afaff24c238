package facegate.embed;

import facegate.core.ChipAlignment;
import facegate.core.Embedding;
import facegate.core.InferenceMetrics;
import facegate.core.RgbImage;
import java.util.List;
import java.util.OptionalDouble;

/** Turns aligned face chips into L2-normalised embeddings. Implementations are thread-safe. */
public interface FaceEmbedder extends AutoCloseable {
  /** Side of the square chip the network takes, in pixels (150 for the dlib ResNet). */
  int inputSize();

  /** Embedding dimension. */
  int dimension();

  /**
   * The model's name, the core of what a gallery records (see {@link #galleryModelName()}) so it
   * never mixes templates of different models. By default the implementing class's simple name.
   */
  default String modelName() {
    return getClass().getSimpleName();
  }

  /**
   * What a gallery records as the model of this embedder's templates: {@link #modelName()} by
   * default; for a network whose input is set by hand in its card, the name and that input, so that
   * a corrected input does not meet templates of the old one.
   */
  default String galleryModelName() {
    return modelName();
  }

  /**
   * Where the network expects the face in its chip, from its {@code model.json}; {@link
   * ChipAlignment#DLIB} by default.
   */
  default ChipAlignment chipAlignment() {
    return ChipAlignment.DLIB;
  }

  /**
   * The model's calibrated cosine verify threshold (accept when score ≥ it); empty by default and
   * for an uncalibrated model.
   */
  default OptionalDouble verifyThreshold() {
    return OptionalDouble.empty();
  }

  /**
   * The model's calibrated single-view margin (a cosine difference, at least 0): scores of a probe
   * embedded from its chip alone lie within it of the scores of the probe embedded with its mirror
   * image, in all but the calibrated share of cases. Empty by default and when not calibrated.
   */
  default OptionalDouble singleViewMargin() {
    return OptionalDouble.empty();
  }

  /**
   * The model's calibrated open-set identification threshold (a candidate counts as known when its
   * score ≥ it); empty by default and when not calibrated.
   */
  default OptionalDouble identifyThreshold() {
    return OptionalDouble.empty();
  }

  /**
   * One embedding per chip, in order, computed in batches. An empty list for empty input. Each chip
   * must be {@link #inputSize()} square, or an {@link IllegalArgumentException} is thrown.
   */
  List<Embedding> embed(List<RgbImage> chips);

  /**
   * Sends this embedder's batch sizes (and the depth of its queue, if it has one) to {@code
   * metrics} under the name {@code network} from now on. By default nothing is reported: an
   * embedder that neither batches across calls nor counts them has nothing to say.
   */
  default void reportTo(InferenceMetrics metrics, String network) {}

  @Override
  void close();
}
