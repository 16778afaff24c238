package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns the bytes of an uploaded image file into an upright {@link RgbImage}, refusing what is too
 * big before decoding it.
 *
 * <p>Order of checks: empty ({@link ErrorCode#IMAGE_EMPTY}), more than {@code maxBytes} ({@link
 * ErrorCode#IMAGE_TOO_LARGE}), unknown signature or unreadable header ({@link
 * ErrorCode#NOT_AN_IMAGE}), more than {@code maxPixels} declared in the header ({@link
 * ErrorCode#IMAGE_TOO_MANY_PIXELS}, checked before any pixel is decoded), then truncated or corrupt
 * data ({@link ErrorCode#NOT_AN_IMAGE}).
 *
 * <p>Grayscale becomes three equal channels; 16-bit samples are scaled to 8 bits; an alpha channel
 * is composited over white. A JPEG's EXIF orientation is applied exactly once: OpenCV is told to
 * ignore it ({@code IMREAD_IGNORE_ORIENTATION}) and this class rotates by the tag it parsed itself.
 * Orientation metadata of other formats is ignored. Thread-safe; holds no native resources.
 */
public final class ImageDecoder {
  /** 10 MiB. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  /** 40 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

  private final long maxBytes;
  private final long maxPixels;

  /** A decoder with {@link #DEFAULT_MAX_BYTES} and {@link #DEFAULT_MAX_PIXELS}. */
  public ImageDecoder() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
  }

  /**
   * @param maxBytes largest accepted file, in bytes; positive
   * @param maxPixels largest accepted width times height; positive
   */
  public ImageDecoder(long maxBytes, long maxPixels) {
    if (maxBytes < 1 || maxPixels < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: maxBytes=" + maxBytes + " maxPixels=" + maxPixels);
    }
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  /**
   * Decodes {@code bytes} into an upright RGB image.
   *
   * @throws FaceException with the error codes listed on the class
   */
  public RgbImage decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new FaceException(
          ErrorCode.IMAGE_EMPTY, "the image is empty; send the bytes of a " + formats() + " file");
    }
    if (bytes.length > maxBytes) {
      throw new FaceException(
          ErrorCode.IMAGE_TOO_LARGE,
          "the image is "
              + bytes.length
              + " bytes, more than the limit of "
              + maxBytes
              + "; re-encode it as a JPEG or scale it down");
    }
    ImageHeader header = ImageHeaderParser.parse(bytes);
    checkPixels(header.width(), header.height());
    if (!header.complete()) {
      throw ImageHeaderParser.notAnImage("the " + header.format() + " file is truncated");
    }
    try (Mat decoded = decodePixels(bytes, header);
        Mat bgr = ChannelConversion.toBgr8(decoded);
        Mat upright = ExifOrientation.apply(bgr, header.exifOrientation());
        Mat rgb = new Mat()) {
      cvtColor(upright, rgb, COLOR_BGR2RGB);
      return MatConversion.toRgbImage(rgb);
    }
  }

  private Mat decodePixels(byte[] bytes, ImageHeader header) {
    boolean mayHaveAlpha = header.format() != ImageHeader.Format.JPEG;
    int flags = mayHaveAlpha ? IMREAD_UNCHANGED : IMREAD_COLOR | IMREAD_IGNORE_ORIENTATION;
    Mat decoded;
    try (Mat buffer = new Mat(1, bytes.length, CV_8UC1)) {
      buffer.data().put(bytes);
      decoded = imdecode(buffer, flags);
    } catch (RuntimeException e) {
      throw new FaceException(
          ErrorCode.NOT_AN_IMAGE,
          "the "
              + header.format()
              + " data is corrupt ("
              + e.getMessage()
              + "); send a "
              + "complete, valid "
              + formats()
              + " file",
          e);
    }
    if (decoded == null || decoded.empty()) {
      if (decoded != null) {
        decoded.close();
      }
      throw ImageHeaderParser.notAnImage(
          "the " + header.format() + " data is corrupt or uses an unsupported variant");
    }
    if (decoded.depth() != CV_8U && decoded.depth() != CV_16U) {
      decoded.close();
      throw ImageHeaderParser.notAnImage("the image has neither 8-bit nor 16-bit samples");
    }
    checkDecodedPixels(decoded);
    return decoded;
  }

  private void checkDecodedPixels(Mat decoded) {
    try {
      checkPixels(decoded.cols(), decoded.rows());
    } catch (FaceException e) {
      decoded.close();
      throw e;
    }
  }

  private void checkPixels(long width, long height) {
    if (width * height > maxPixels) {
      throw new FaceException(
          ErrorCode.IMAGE_TOO_MANY_PIXELS,
          "the image is "
              + width
              + "x"
              + height
              + " pixels, more than the limit of "
              + maxPixels
              + " pixels; scale it down before sending");
    }
  }

  private static String formats() {
    return ImageHeaderParser.SUPPORTED;
  }
}
