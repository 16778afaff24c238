package facegate.embed;

import ai.djl.nn.Block;
import java.util.Locale;

/**
 * The embedding networks facegate can load by the {@code architecture} field of a model's {@code
 * model.json}: the imported dlib ResNet (fixed 150 px input) and facegate's from-scratch small
 * ResNet (input size from {@code inputSize}, 32 to 160 px).
 */
public enum EmbeddingArchitecture {
  /** face-api's port of the dlib ResNet; 150x150 input, 128-d output. */
  FACEAPI_DLIB_RESNET("faceapi-dlib-resnet", 150, 150),
  /** {@link SmallResNetBlock}; trained here from scratch. */
  SMALL_RESNET("facegate-small-resnet", 32, 160);

  private final String id;
  private final int minInputSize;
  private final int maxInputSize;

  EmbeddingArchitecture(String id, int minInputSize, int maxInputSize) {
    this.id = id;
    this.minInputSize = minInputSize;
    this.maxInputSize = maxInputSize;
  }

  /** The name written in {@code model.json}. */
  public String id() {
    return id;
  }

  /** Always 128. */
  public int dimension() {
    return 128;
  }

  /** Whether the network takes square inputs of this side. */
  public boolean acceptsInputSize(int side) {
    return side >= minInputSize && side <= maxInputSize;
  }

  /** A fresh, uninitialised block. */
  public Block newBlock() {
    return switch (this) {
      case FACEAPI_DLIB_RESNET -> new DlibResNetBlock();
      case SMALL_RESNET -> SmallResNetBlock.create();
    };
  }

  /**
   * Readies a loaded {@link #newBlock()} for inference only: the dlib ResNet folds its scale layers
   * into its convolutions (the same function, two fewer element-wise passes per layer). The block
   * must not be trained afterwards.
   */
  void prepareForInference(Block block) {
    if (this == FACEAPI_DLIB_RESNET) {
      ((DlibResNetBlock) block).foldScales();
    }
  }

  /** Per-channel RGB mean subtracted from 0-255 pixels (both networks use dlib's). */
  public double[] meanRgb() {
    return FaceApiNetwork.RECOGNITION.meanRgb();
  }

  /** Factor applied after subtracting the mean. */
  public double scale() {
    return FaceApiNetwork.RECOGNITION.scale();
  }

  /**
   * The architecture named {@code id} (as in model.json, or its enum name in any case).
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static EmbeddingArchitecture byId(String id) {
    for (EmbeddingArchitecture architecture : values()) {
      if (architecture.id.equals(id) || architecture.name().equalsIgnoreCase(id)) {
        return architecture;
      }
    }
    throw new IllegalArgumentException(
        "unknown embedding architecture '"
            + id
            + "'; known: "
            + String.join(
                    ", ",
                    java.util.Arrays.stream(values())
                        .map(a -> a.id)
                        .toList()
                        .toArray(new String[0]))
                .toLowerCase(Locale.ROOT));
  }
}
