package facegate.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link Composition#recognizer} builds the face pipeline from: the three networks' model
 * folders, predictors per network and, for a service under concurrent load, how work is pooled and
 * batched.
 *
 * @param embeddingModel the embedding network's model folder
 * @param landmarkModel the landmark network's model folder
 * @param detectorModel the SSD face detector's model folder, used where MediaPipe's detectors find
 *     no face; their models are read from beside it ({@link MediaPipeDetectors})
 * @param predictors predictors per network, i.e. how many threads can run inference at once; at
 *     least 1
 * @param load null for no pool and no batching (each call runs on its caller's thread)
 * @throws NullPointerException when a model folder is null
 * @throws IllegalArgumentException when {@code predictors} is less than 1
 */
public record PipelineSettings(
    Path embeddingModel,
    Path landmarkModel,
    Path detectorModel,
    int predictors,
    LoadSettings load) {
  public PipelineSettings {
    Objects.requireNonNull(embeddingModel, "embeddingModel");
    Objects.requireNonNull(landmarkModel, "landmarkModel");
    Objects.requireNonNull(detectorModel, "detectorModel");
    if (predictors < 1) {
      throw new IllegalArgumentException("predictors must be at least 1, got " + predictors);
    }
  }

  /**
   * Settings for models that are folders named {@code model}, {@code landmarkModel} and {@code
   * detectorModel} under {@code modelsDir}.
   */
  public static PipelineSettings inFolder(
      Path modelsDir,
      String model,
      String landmarkModel,
      String detectorModel,
      int predictors,
      LoadSettings load) {
    return new PipelineSettings(
        modelsDir.resolve(model),
        modelsDir.resolve(landmarkModel),
        modelsDir.resolve(detectorModel),
        predictors,
        load);
  }
}
