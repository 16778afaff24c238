package facegate.core;

import java.util.Objects;

/**
 * A face cut out and aligned the way the embedding network expects.
 *
 * @param chip the square aligned crop, in the network's input size
 * @param box where the face was detected in the source image
 * @param landmarks the landmarks used for alignment, in source-image pixels; null when {@code
 *     fallbackCrop}
 * @param fallbackCrop true when no landmarks could be used and the chip is a plain crop of the box
 *     (lower accuracy)
 */
public record AlignedFace(RgbImage chip, FaceBox box, Landmarks landmarks, boolean fallbackCrop) {
  public AlignedFace {
    Objects.requireNonNull(chip, "chip");
    Objects.requireNonNull(box, "box");
    if (landmarks == null && !fallbackCrop) {
      throw new IllegalArgumentException(
          "an aligned face without landmarks must be a fallback crop");
    }
  }
}
