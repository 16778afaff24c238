package facegate.pipeline;

import java.nio.file.Path;

/** The pipeline with the models shipped in {@code models/}, for integration tests. */
public final class ShippedPipeline {
  private ShippedPipeline() {}

  /** A recognizer without pool or batching; the caller closes it. */
  public static FaceRecognizer open(int predictors) {
    return Composition.recognizer(
        PipelineSettings.inFolder(
            Path.of("models"),
            "dlib-resnet-faceapi",
            "landmark68-faceapi",
            "ssd-mobilenetv1-faceapi",
            predictors,
            null));
  }
}
