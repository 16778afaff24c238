package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;

/** Brings whatever {@code imdecode(IMREAD_UNCHANGED)} returned to 8-bit BGR. */
final class ChannelConversion {
  private static final double SIXTEEN_TO_EIGHT_BITS = 255.0 / 65535.0;

  private ChannelConversion() {}

  /**
   * A new 8-bit 3-channel BGR Mat: gray is replicated, 16-bit is scaled, BGRA is composited over
   * white (transparent pixels carry arbitrary colour, white is what a viewer shows). The caller
   * closes the result; {@code decoded} stays open.
   */
  static Mat toBgr8(Mat decoded) {
    try (Mat eight = toEightBits(decoded)) {
      switch (eight.channels()) {
        case 1:
          Mat bgr = new Mat();
          cvtColor(eight, bgr, COLOR_GRAY2BGR);
          return bgr;
        case 3:
          return new Mat(eight);
        case 4:
          return compositeOverWhite(eight);
        default:
          throw ImageHeaderParser.notAnImage(
              "the image has " + eight.channels() + " channels, expected 1, 3 or 4");
      }
    }
  }

  private static Mat toEightBits(Mat decoded) {
    if (decoded.depth() == CV_8U) {
      return new Mat(decoded);
    }
    Mat eight = new Mat();
    decoded.convertTo(eight, CV_8U, SIXTEEN_TO_EIGHT_BITS, 0);
    return eight;
  }

  /** {@code 255 - (255 - colour) * alpha / 255}, per channel. */
  private static Mat compositeOverWhite(Mat bgra) {
    try (Mat alpha = new Mat();
        Mat alpha3 = new Mat();
        Mat bgr = new Mat();
        Mat inverse = new Mat();
        Mat scaled = new Mat()) {
      extractChannel(bgra, alpha, 3);
      cvtColor(alpha, alpha3, COLOR_GRAY2BGR);
      cvtColor(bgra, bgr, COLOR_BGRA2BGR);
      bitwise_not(bgr, inverse);
      multiply(inverse, alpha3, scaled, 1.0 / 255.0, -1);
      Mat composited = new Mat();
      bitwise_not(scaled, composited);
      return composited;
    }
  }
}
