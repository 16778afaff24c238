package facegate.cli;

import facegate.pipeline.FaceRecognizer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose the networks, shared by every command that embeds faces. */
final class ModelOptions {
  @Option(
      names = "--model",
      defaultValue = "models/dlib-resnet-faceapi",
      description = "Embedding model folder (default: ${DEFAULT-VALUE}).")
  Path model;

  @Option(
      names = "--landmark-model",
      defaultValue = "models/landmark68-faceapi",
      description = "Landmark model folder (default: ${DEFAULT-VALUE}).")
  Path landmarkModel;

  FaceRecognizer open(int predictors) {
    return FaceRecognizer.open(model, landmarkModel, predictors);
  }
}
