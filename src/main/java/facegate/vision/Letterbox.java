package facegate.vision;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import facegate.core.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * MediaPipe's letterbox: the whole image, aspect kept, scaled to fit a {@code size x size} square
 * (or a given fraction of it) (area averaging when shrinking, bilinear when enlarging) and centred
 * in it between black bars. A face that fills the frame stays whole. {@link #toImageX} and {@link
 * #toImageY} map coordinates relative to the square (0 to 1) back to image pixels.
 *
 * @param size the square's side, at least 1
 * @param width the image's width
 * @param height the image's height
 * @param scaledWidth the image's width inside the square, 1 to {@code size}
 * @param scaledHeight the image's height inside the square, 1 to {@code size}
 */
record Letterbox(int size, int width, int height, int scaledWidth, int scaledHeight) {
  Letterbox {
    if (size < 1 || width < 1 || height < 1) {
      throw new IllegalArgumentException("sizes must be positive");
    }
    if (scaledWidth < 1 || scaledWidth > size || scaledHeight < 1 || scaledHeight > size) {
      throw new IllegalArgumentException("the scaled image must fit the square");
    }
  }

  /** How an image of {@code width x height} fits a square of {@code size}. */
  static Letterbox of(int width, int height, int size) {
    return of(width, height, size, 1);
  }

  /**
   * As {@link #of(int, int, int)}, the longer side taking {@code fill} of the square, in (0, 1].
   */
  static Letterbox of(int width, int height, int size, double fill) {
    if (!(fill > 0 && fill <= 1)) {
      throw new IllegalArgumentException("fill must be in (0, 1]: " + fill);
    }
    double scale = size * fill / Math.max(width, height);
    return new Letterbox(
        size,
        width,
        height,
        Math.min(size, Math.max(1, (int) Math.round(width * scale))),
        Math.min(size, Math.max(1, (int) Math.round(height * scale))));
  }

  int left() {
    return (size - scaledWidth) / 2;
  }

  int top() {
    return (size - scaledHeight) / 2;
  }

  /** {@code image} (of this letterbox's width and height) in its square. */
  RgbImage apply(RgbImage image) {
    if (image.width() != width || image.height() != height) {
      throw new IllegalArgumentException("this letterbox is for " + width + "x" + height);
    }
    RgbImage scaled = image;
    if (scaledWidth != width || scaledHeight != height) {
      try (Mat source = MatConversion.toRgbMat(image);
          Mat target = new Mat();
          Size targetSize = new Size(scaledWidth, scaledHeight)) {
        resize(source, target, targetSize, 0, 0, scaledWidth < width ? INTER_AREA : INTER_LINEAR);
        scaled = MatConversion.toRgbImage(target);
      }
    }
    byte[] square = new byte[size * size * 3];
    for (int row = 0; row < scaledHeight; row++) {
      System.arraycopy(
          scaled.rgb(),
          row * scaledWidth * 3,
          square,
          ((top() + row) * size + left()) * 3,
          scaledWidth * 3);
    }
    return new RgbImage(size, size, square);
  }

  /** Image x of a square-relative x. */
  double toImageX(double relative) {
    return (relative * size - left()) * width / scaledWidth;
  }

  /** Image y of a square-relative y. */
  double toImageY(double relative) {
    return (relative * size - top()) * height / scaledHeight;
  }
}
