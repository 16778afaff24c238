package facegate.vision;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import facegate.core.RgbImage;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Lossless PNG bytes of an {@link RgbImage}, for tests. */
public final class PngWriter {
  private PngWriter() {}

  public static byte[] encode(RgbImage image) {
    try (Mat rgb = MatConversion.toRgbMat(image);
        Mat bgr = new Mat();
        BytePointer png = new BytePointer()) {
      cvtColor(rgb, bgr, COLOR_RGB2BGR);
      if (!imencode(".png", bgr, png)) {
        throw new IllegalStateException("PNG encoding failed");
      }
      byte[] bytes = new byte[(int) png.limit()];
      png.get(bytes);
      return bytes;
    }
  }
}
