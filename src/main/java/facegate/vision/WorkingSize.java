package facegate.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Scales a decoded image down, keeping its aspect, so that it has at most a given pixel count. */
final class WorkingSize {
  private WorkingSize() {}

  /**
   * A new Mat (the caller closes it) of {@code image} scaled with area averaging to at most {@code
   * maxPixels} pixels, or a new header sharing {@code image}'s data when it is already small
   * enough. Any depth and channel count; each side stays at least 1.
   */
  static Mat fit(Mat image, long maxPixels) {
    long pixels = (long) image.cols() * image.rows();
    if (pixels <= maxPixels) {
      return new Mat(image);
    }
    double scale = Math.sqrt((double) maxPixels / pixels);
    int width = Math.max(1, (int) Math.floor(image.cols() * scale));
    int height = Math.max(1, (int) Math.floor(image.rows() * scale));
    Mat scaled = new Mat();
    try (Size size = new Size(width, height)) {
      resize(image, scaled, size, 0, 0, INTER_AREA);
    }
    return scaled;
  }
}
