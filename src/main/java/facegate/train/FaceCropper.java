package facegate.train;

import java.util.Optional;

/**
 * The detect-and-align pipeline as the crop cache sees it: the largest face of an image file's
 * bytes, aligned, with its landmarks in chip pixels. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface FaceCropper {
  /**
   * @return the largest face; empty when there is none
   * @throws facegate.core.FaceException when the bytes are not a readable image
   */
  Optional<FaceSample> largestFace(LabelledImage image, byte[] imageBytes);
}
