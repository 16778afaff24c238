package facegate.embed;

import facegate.core.Embedding;
import facegate.core.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An embedding network on DJL, RGB chips to 128-d embeddings, L2-normalised here, once: face-api's
 * dlib ResNet (converted by {@link FaceApiConverter}, 150x150) or any other {@link
 * EmbeddingArchitecture} named by the folder's {@code model.json} (its {@code architecture} and
 * {@code inputSize} fields), such as the networks {@code facegate train} writes. Thread-safe: up to
 * {@code predictors} calls run at once, further callers wait. Runs on the first GPU when the engine
 * sees one, else on the CPU.
 */
public final class DjlFaceEmbedder implements FaceEmbedder {
  /** Default number of chips per forward pass. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  private final PredictorPool pool;

  private DjlFaceEmbedder(PredictorPool pool) {
    this.pool = pool;
  }

  /**
   * Loads the model in {@code modelDir} (e.g. {@code models/dlib-resnet-faceapi}).
   *
   * @param predictors how many calls may run concurrently, at least 1
   * @param batchSize chips per forward pass, at least 1
   * @throws facegate.core.FaceException MODEL_NOT_FOUND when the directory has no model.json,
   *     MODEL_INVALID when it is not this network or cannot be loaded
   */
  public static DjlFaceEmbedder load(Path modelDir, int predictors, int batchSize) {
    return new DjlFaceEmbedder(PredictorPool.loadEmbedding(modelDir, predictors, batchSize));
  }

  /** {@link #load(Path, int, int)} with 2 predictors and batches of 32. */
  public static DjlFaceEmbedder load(Path modelDir) {
    return load(modelDir, 2, DEFAULT_BATCH_SIZE);
  }

  @Override
  public int inputSize() {
    return pool.inputSize();
  }

  @Override
  public int dimension() {
    return pool.dimension();
  }

  /** The model's name from its {@code model.json}, e.g. {@code dlib-resnet-faceapi}. */
  @Override
  public String modelName() {
    return pool.card().name();
  }

  /**
   * The calibrated verify threshold from {@code model.json} ({@code verifyThreshold}, written by
   * {@code facegate eval --calibrate}); empty while the model is uncalibrated (the field is null or
   * absent).
   */
  @Override
  public OptionalDouble verifyThreshold() {
    Double threshold = pool.card().verifyThreshold();
    return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
  }

  /**
   * The calibrated open-set identification threshold from {@code model.json} ({@code
   * identifyThreshold}, written by {@code facegate calibrate --identify-images}); empty when
   * absent.
   */
  @Override
  public OptionalDouble identifyThreshold() {
    Double threshold = pool.card().identifyThreshold();
    return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
  }

  /**
   * The calibrated single-view margin from {@code model.json} ({@code singleViewMargin}, written by
   * {@code facegate calibrate --single-view}); empty when absent.
   */
  @Override
  public OptionalDouble singleViewMargin() {
    Double margin = pool.card().singleViewMargin();
    return margin == null ? OptionalDouble.empty() : OptionalDouble.of(margin);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for a raw descriptor of all zeros or non-finite values, which
   *     a working network does not produce
   */
  @Override
  public List<Embedding> embed(List<RgbImage> chips) {
    // A lone chip runs as a batch of two: PyTorch 1.13 runs 21 of this network's 29 convolutions
    // at batch 1 in its slow native kernel, all of them at batch 2 in oneDNN, and two chips that
    // way cost less than one the other (profiled on this CPU: 29.5 vs 35.0 ms of convolution).
    List<float[]> raw =
        chips.size() == 1
            ? pool.run(List.of(chips.get(0), chips.get(0))).subList(0, 1)
            : pool.run(chips);
    List<Embedding> embeddings = new ArrayList<>(raw.size());
    for (float[] descriptor : raw) {
      embeddings.add(Embedding.normalize(descriptor));
    }
    return embeddings;
  }

  @Override
  public void close() {
    pool.close();
  }
}
