package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import facegate.core.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;

/** Copies between {@link RgbImage} and 8-bit 3-channel OpenCV matrices; nothing is shared. */
final class MatConversion {
  private MatConversion() {}

  /** A new 8UC3 Mat holding {@code image}'s bytes in RGB order; the caller closes it. */
  static Mat toRgbMat(RgbImage image) {
    Mat mat = new Mat(image.height(), image.width(), CV_8UC3);
    mat.data().put(image.rgb());
    return mat;
  }

  /** The pixels of an 8UC3 Mat in RGB order, copied out; {@code rgb} stays open. */
  static RgbImage toRgbImage(Mat rgb) {
    if (rgb.type() != CV_8UC3) {
      throw new IllegalArgumentException("expected an 8-bit 3-channel Mat, got type " + rgb.type());
    }
    byte[] bytes = new byte[rgb.rows() * rgb.cols() * 3];
    if (rgb.isContinuous()) {
      rgb.data().get(bytes);
    } else {
      try (Mat continuous = rgb.clone()) {
        continuous.data().get(bytes);
      }
    }
    return new RgbImage(rgb.cols(), rgb.rows(), bytes);
  }
}
