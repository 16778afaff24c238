package facegate.embed;

import ai.djl.nn.Block;
import java.util.Map;
import java.util.regex.Pattern;

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
      FaceLandmark68Block.DIMENSION),
  /** SsdMobilenetv1: 512x512 image to 5118 anchors x (box, score). */
  SSD_MOBILENET(
      "ssd-mobilenetv1-faceapi",
      "faceapi-ssd-mobilenetv1",
      "ssd_mobilenetv1_model-weights_manifest.json",
      SsdMobilenetBlock.INPUT_SIZE,
      SsdMobilenetBlock.ANCHORS * SsdMobilenetBlock.COLUMNS);

  /** The recognition and landmark nets normalise with this per-channel RGB mean ... */
  private static final double[] MEAN_RGB = {122.782, 117.001, 104.298};

  /** ... and then divide by 255. */
  private static final double SCALE = 1.0 / 255;

  /** The SSD maps 0..255 to -1..1: {@code (pixel - 127.5) / 127.5}. */
  private static final double SSD_MIDPOINT = 127.5;

  /**
   * Tensors of the SSD manifest face-api never reads: constants of the original TensorFlow graph
   * (pre-/post-processor, reshape stacks, slices, the concat axis).
   */
  private static final Pattern SSD_GRAPH_CONSTANTS =
      Pattern.compile(
          "^(Preprocessor|Postprocessor|concat_1)/.*|.*/(stack|stack_1|strided_slice)/.*");

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

  /** Per-channel RGB mean subtracted from 0-255 pixels. */
  double[] meanRgb() {
    return this == SSD_MOBILENET
        ? new double[] {SSD_MIDPOINT, SSD_MIDPOINT, SSD_MIDPOINT}
        : MEAN_RGB.clone();
  }

  /** Factor applied after subtracting {@link #meanRgb()}. */
  double scale() {
    return this == SSD_MOBILENET ? 1 / SSD_MIDPOINT : SCALE;
  }

  /** Whether face-api reads the manifest tensor {@code name} into this network. */
  boolean usesWeight(String name) {
    return this != SSD_MOBILENET || !SSD_GRAPH_CONSTANTS.matcher(name).matches();
  }

  /** A fresh, uninitialised block of this architecture. */
  Block newBlock() {
    return switch (this) {
      case RECOGNITION -> new DlibResNetBlock();
      case LANDMARKS -> new FaceLandmark68Block();
      case SSD_MOBILENET -> new SsdMobilenetBlock();
    };
  }

  /** Copies tfjs weights into an initialised block made by {@link #newBlock()}. */
  void importTfjs(Block block, Map<String, TfjsTensor> weights) {
    switch (this) {
      case RECOGNITION -> ((DlibResNetBlock) block).importTfjs(weights);
      case LANDMARKS -> ((FaceLandmark68Block) block).importTfjs(weights);
      case SSD_MOBILENET -> ((SsdMobilenetBlock) block).importTfjs(weights);
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
