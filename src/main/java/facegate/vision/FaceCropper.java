package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import facegate.core.FaceBox;
import facegate.core.RgbImage;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Square face crops, resized to a network's input size, and mirror images. Stateless and
 * thread-safe.
 */
public final class FaceCropper {
  /** Padding beyond this would make crops mostly background; it also bounds memory. */
  public static final double MAX_PADDING_FRACTION = 4.0;

  private static final int MIRROR_HORIZONTALLY = 1;

  private FaceCropper() {}

  /**
   * A square {@code outputSize} x {@code outputSize} crop centred on the box centre, of side {@code
   * max(width, height) * (1 + paddingFraction)} source pixels. Parts of the square outside the
   * image are black (a box at the border gives a partly black crop; a box entirely outside gives an
   * all-black one). Downscaling uses area averaging, upscaling bilinear interpolation.
   *
   * @param paddingFraction extra margin relative to the box's longer side, in [0, {@link
   *     #MAX_PADDING_FRACTION}]
   * @param outputSize side of the result in pixels, at least 1
   */
  public static RgbImage crop(RgbImage image, FaceBox box, double paddingFraction, int outputSize) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(box, "box");
    if (!(paddingFraction >= 0 && paddingFraction <= MAX_PADDING_FRACTION)) {
      throw new IllegalArgumentException(
          "paddingFraction must be in [0, " + MAX_PADDING_FRACTION + "]: " + paddingFraction);
    }
    if (outputSize < 1) {
      throw new IllegalArgumentException("outputSize must be at least 1: " + outputSize);
    }
    int side =
        (int) Math.max(1, Math.round(Math.max(box.width(), box.height()) * (1 + paddingFraction)));
    int left = (int) Math.round(box.centerX() - side / 2.0);
    int top = (int) Math.round(box.centerY() - side / 2.0);
    try (Mat source = MatConversion.toRgbMat(image);
        Mat square = new Mat(side, side, CV_8UC3, Scalar.all(0));
        Mat resized = new Mat()) {
      copyVisiblePart(source, square, left, top);
      int interpolation = side > outputSize ? INTER_AREA : INTER_LINEAR;
      try (Size size = new Size(outputSize, outputSize)) {
        resize(square, resized, size, 0, 0, interpolation);
      }
      return MatConversion.toRgbImage(resized);
    }
  }

  /** The image mirrored left to right: pixel (x, y) moves to (width - 1 - x, y). */
  public static RgbImage flipHorizontal(RgbImage image) {
    Objects.requireNonNull(image, "image");
    try (Mat source = MatConversion.toRgbMat(image);
        Mat mirrored = new Mat()) {
      flip(source, mirrored, MIRROR_HORIZONTALLY);
      return MatConversion.toRgbImage(mirrored);
    }
  }

  /**
   * Copies the part of {@code source} under {@code square} placed at ({@code left}, {@code top}).
   */
  private static void copyVisiblePart(Mat source, Mat square, int left, int top) {
    int x0 = Math.max(0, left);
    int y0 = Math.max(0, top);
    int x1 = Math.min(source.cols(), left + square.cols());
    int y1 = Math.min(source.rows(), top + square.rows());
    if (x1 <= x0 || y1 <= y0) {
      return;
    }
    try (Rect from = new Rect(x0, y0, x1 - x0, y1 - y0);
        Rect to = new Rect(x0 - left, y0 - top, x1 - x0, y1 - y0);
        Mat sourcePart = source.apply(from);
        Mat squarePart = square.apply(to)) {
      sourcePart.copyTo(squarePart);
    }
  }
}
