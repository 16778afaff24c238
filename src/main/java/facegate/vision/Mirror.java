package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.flip;

import facegate.core.RgbImage;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;

/** Mirror images. Stateless and thread-safe. */
public final class Mirror {
  private static final int MIRROR_HORIZONTALLY = 1;

  private Mirror() {}

  /** The image mirrored left to right: pixel (x, y) moves to (width - 1 - x, y). */
  public static RgbImage horizontal(RgbImage image) {
    Objects.requireNonNull(image, "image");
    try (Mat source = MatConversion.toRgbMat(image);
        Mat mirrored = new Mat()) {
      flip(source, mirrored, MIRROR_HORIZONTALLY);
      return MatConversion.toRgbImage(mirrored);
    }
  }
}
