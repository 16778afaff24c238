package facegate.embed;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import facegate.core.ChipAlignment;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One loaded model and a fixed set of predictors over it. A DJL predictor is not thread-safe: each
 * call borrows one (waiting when all are busy), runs its batches and gives it back. Each batch's
 * arrays live in the predictor's per-call manager and are freed when the batch ends.
 */
final class PredictorPool implements AutoCloseable {
  private final ModelCard card;
  private final Model model;
  private final int batchSize;
  private final List<Predictor<RgbImage, float[]>> predictors = new ArrayList<>();
  private final BlockingQueue<Predictor<RgbImage, float[]>> idle;

  private PredictorPool(ModelCard card, Model model, int predictorCount, int batchSize) {
    this.card = card;
    this.model = model;
    this.batchSize = batchSize;
    idle = new ArrayBlockingQueue<>(predictorCount);
    RgbTranslator translator = new RgbTranslator(card);
    for (int i = 0; i < predictorCount; i++) {
      Predictor<RgbImage, float[]> predictor = model.newPredictor(translator);
      predictors.add(predictor);
      idle.add(predictor);
    }
  }

  /**
   * Loads {@code dir} (model.json + parameters), which must hold a model of {@code expected}.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID, saying how to make the model
   */
  static PredictorPool load(Path dir, FaceApiNetwork expected, int predictorCount, int batchSize) {
    if (predictorCount < 1 || batchSize < 1) {
      throw new IllegalArgumentException("need at least one predictor and a batch size of 1");
    }
    ModelCard card = ModelCard.read(dir);
    if (FaceApiNetwork.byArchitecture(card.architecture()) != expected
        || card.inputSize() != expected.inputSize()
        || card.dimension() != expected.dimension()) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          dir + " holds a " + card.architecture() + " model, expected " + expected.architecture());
    }
    Device device = Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    Model model = Model.newInstance(card.name(), device);
    try {
      model.setBlock(expected.newBlock());
      model.load(dir, card.name());
      return new PredictorPool(card, model, predictorCount, batchSize);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "cannot load " + dir + ": " + e.getMessage() + "; re-run `facegate convert-faceapi`",
          e);
    }
  }

  /**
   * Loads an embedding network from {@code dir}: any {@link EmbeddingArchitecture}, its input size
   * and dimension checked against what the architecture accepts.
   *
   * @throws FaceException MODEL_NOT_FOUND or MODEL_INVALID
   */
  static PredictorPool loadEmbedding(Path dir, int predictorCount, int batchSize) {
    if (predictorCount < 1 || batchSize < 1) {
      throw new IllegalArgumentException("need at least one predictor and a batch size of 1");
    }
    ModelCard card = ModelCard.read(dir);
    EmbeddingArchitecture architecture;
    try {
      architecture = EmbeddingArchitecture.byId(card.architecture());
    } catch (IllegalArgumentException e) {
      throw new FaceException(ErrorCode.MODEL_INVALID, dir + ": " + e.getMessage(), e);
    }
    if (card.chipAlignment() != ChipAlignment.DLIB || card.bgr()) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          dir
              + ": a DJL embedding network takes RGB dlib chips; other alignments and BGR are for"
              + " graph models (tfjs-graph, onnx-graph)");
    }
    if (!architecture.acceptsInputSize(card.inputSize())
        || card.dimension() != architecture.dimension()) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          dir
              + ": a "
              + architecture.id()
              + " cannot take inputSize "
              + card.inputSize()
              + " with dimension "
              + card.dimension());
    }
    Device device = Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    Model model = Model.newInstance(card.name(), device);
    try {
      model.setBlock(architecture.newBlock());
      model.load(dir, card.name());
      architecture.prepareForInference(model.getBlock());
      return new PredictorPool(card, model, predictorCount, batchSize);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot load " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Arrays the model's manager holds (its parameters); must not grow with calls. */
  int arraysHeldByModel() {
    return model.getNDManager().getManagedArrays().size();
  }

  int inputSize() {
    return card.inputSize();
  }

  int dimension() {
    return card.dimension();
  }

  /** Network output per image, in order, computed {@code batchSize} images at a time. */
  List<float[]> run(List<RgbImage> images) {
    for (RgbImage image : images) {
      if (image.width() != card.inputSize() || image.height() != card.inputSize()) {
        throw new IllegalArgumentException(
            "expected "
                + card.inputSize()
                + "x"
                + card.inputSize()
                + " images, got "
                + image.width()
                + "x"
                + image.height());
      }
    }
    List<float[]> outputs = new ArrayList<>(images.size());
    if (images.isEmpty()) {
      return outputs;
    }
    Predictor<RgbImage, float[]> predictor = borrow();
    try {
      for (int start = 0; start < images.size(); start += batchSize) {
        int end = Math.min(images.size(), start + batchSize);
        outputs.addAll(predictor.batchPredict(images.subList(start, end)));
      }
      return outputs;
    } catch (TranslateException e) {
      throw new FaceException(
          ErrorCode.INTERNAL, card.name() + " inference failed: " + e.getMessage(), e);
    } finally {
      idle.add(predictor);
    }
  }

  private Predictor<RgbImage, float[]> borrow() {
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaceException(ErrorCode.INTERNAL, "interrupted waiting for a predictor", e);
    }
  }

  /** The model card the pool was loaded from. */
  ModelCard card() {
    return card;
  }

  @Override
  public void close() {
    for (Predictor<RgbImage, float[]> predictor : predictors) {
      predictor.close();
    }
    model.close();
  }
}
