package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.transpose;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Applies an EXIF orientation tag (1-8) to pixels stored as the camera wrote them, the same
 * transforms as OpenCV's own {@code ApplyExifOrientation}: 2 mirror, 3 rotate 180, 4 flip, 5
 * transpose, 6 rotate 90 clockwise, 7 transverse, 8 rotate 90 counter-clockwise.
 */
final class ExifOrientation {
  private static final int FLIP_VERTICAL = 0;
  private static final int FLIP_HORIZONTAL = 1;
  private static final int FLIP_BOTH = -1;

  private ExifOrientation() {}

  /** A new Mat with the upright image; {@code stored} stays open. Unknown tags act like 1. */
  static Mat apply(Mat stored, int orientation) {
    Mat upright = new Mat();
    switch (orientation) {
      case 2 -> flip(stored, upright, FLIP_HORIZONTAL);
      case 3 -> flip(stored, upright, FLIP_BOTH);
      case 4 -> flip(stored, upright, FLIP_VERTICAL);
      case 5 -> transpose(stored, upright);
      case 6 -> transposeThenFlip(stored, upright, FLIP_HORIZONTAL);
      case 7 -> transposeThenFlip(stored, upright, FLIP_BOTH);
      case 8 -> transposeThenFlip(stored, upright, FLIP_VERTICAL);
      default -> stored.copyTo(upright);
    }
    return upright;
  }

  private static void transposeThenFlip(Mat stored, Mat upright, int flipCode) {
    try (Mat transposed = new Mat()) {
      transpose(stored, transposed);
      flip(transposed, upright, flipCode);
    }
  }
}
