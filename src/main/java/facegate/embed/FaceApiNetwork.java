package facegate.embed;

import ai.djl.nn.Block;
import java.util.Map;

/** The face-api networks facegate ports: where their weights are, their block and their shape. */
enum FaceApiNetwork {
  /** FaceRecognitionNet: 150x150 chip to a 128-d descriptor. */
  RECOGNITION(
      "dlib-resnet-faceapi",
      "faceapi-dlib-resnet",
      "face_recognition_model-weights_manifest.json",
      DlibResNetBlock.INPUT_SIZE,
      DlibResNetBlock.DIMENSION),
  /** FaceLandmark68Net: 112x112 crop to 68 relative (x, y) points. */
  LANDMARKS(
      "landmark68-faceapi",
      "faceapi-landmark68",
      "face_landmark_68_model-weights_manifest.json",
      FaceLandmark68Block.INPUT_SIZE,
      FaceLandmark68Block.DIMENSION);

  /** face-api normalises with this per-channel RGB mean ... */
  static final double[] MEAN_RGB = {122.782, 117.001, 104.298};

  /** ... and then divides by 255. */
  static final double SCALE = 1.0 / 255;

  private final String modelName;
  private final String architecture;
  private final String manifestFile;
  private final int inputSize;
  private final int dimension;

  FaceApiNetwork(
      String modelName, String architecture, String manifestFile, int inputSize, int dimension) {
    this.modelName = modelName;
    this.architecture = architecture;
    this.manifestFile = manifestFile;
    this.inputSize = inputSize;
    this.dimension = dimension;
  }

  String modelName() {
    return modelName;
  }

  String architecture() {
    return architecture;
  }

  String manifestFile() {
    return manifestFile;
  }

  int inputSize() {
    return inputSize;
  }

  int dimension() {
    return dimension;
  }

  /** A fresh, uninitialised block of this architecture. */
  Block newBlock() {
    return this == RECOGNITION ? new DlibResNetBlock() : new FaceLandmark68Block();
  }

  /** Copies tfjs weights into an initialised block made by {@link #newBlock()}. */
  void importTfjs(Block block, Map<String, TfjsTensor> weights) {
    if (this == RECOGNITION) {
      ((DlibResNetBlock) block).importTfjs(weights);
    } else {
      ((FaceLandmark68Block) block).importTfjs(weights);
    }
  }

  /** The network whose {@code model.json} names {@code architecture}, or null. */
  static FaceApiNetwork byArchitecture(String architecture) {
    for (FaceApiNetwork network : values()) {
      if (network.architecture.equals(architecture)) {
        return network;
      }
    }
    return null;
  }
}
