package facegate.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
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
 * ErrorCode#IMAGE_TOO_MANY_PIXELS}, checked before any pixel is decoded), more than {@code
 * maxDecodedBytes} once decoded ({@link ErrorCode#IMAGE_TOO_LARGE}: pixels × channels × bytes per
 * sample, from the header, before decoding; a small PNG of 6000x6000 16-bit RGBA decodes to 288
 * MB), then truncated or corrupt data ({@link ErrorCode#NOT_AN_IMAGE}).
 *
 * <p>Images are worked on at no more than {@code maxWorkingPixels}: a larger JPEG is first decoded
 * at 1/2, 1/4 or 1/8 of its size by the JPEG decoder itself (cheap: it skips the detail), then, as
 * any other format, scaled down by area averaging. A face needs far fewer pixels than that, and the
 * cost of every later step grows with the pixel count (measured on 2 cores: about 60 ms of CPU per
 * megapixel through detection). Sizes and boxes are those of the image as worked on.
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

  /** 24 MiB: an 8-megapixel 8-bit RGB image, or 3 megapixels of 16-bit RGBA. */
  public static final long DEFAULT_MAX_DECODED_BYTES = 24L * 1024 * 1024;

  /**
   * 2.1 megapixels: a 1080p camera frame (1920x1080) is worked on as it is; a face in a larger
   * photo scaled to it still spans more than the 150-pixel chip unless it fills under a tenth of
   * the photo's width.
   */
  public static final long DEFAULT_MAX_WORKING_PIXELS = 2_100_000L;

  private final long maxBytes;
  private final long maxPixels;
  private final long maxDecodedBytes;
  private final long maxWorkingPixels;

  /** A decoder with the default limits. */
  public ImageDecoder() {
    this(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
  }

  /**
   * A decoder with the default {@link #DEFAULT_MAX_DECODED_BYTES} and a working size of {@link
   * #DEFAULT_MAX_WORKING_PIXELS} (at most {@code maxPixels}).
   *
   * @param maxBytes largest accepted file, in bytes; positive
   * @param maxPixels largest accepted width times height; positive
   */
  public ImageDecoder(long maxBytes, long maxPixels) {
    this(
        maxBytes,
        maxPixels,
        DEFAULT_MAX_DECODED_BYTES,
        Math.min(maxPixels, DEFAULT_MAX_WORKING_PIXELS));
  }

  /**
   * @param maxBytes largest accepted file, in bytes; positive
   * @param maxPixels largest accepted width times height, as declared; positive
   * @param maxDecodedBytes largest accepted full-size decoded image (pixels × channels × bytes per
   *     sample) for formats that cannot be decoded at a reduced size; positive
   * @param maxWorkingPixels images are scaled down to at most this many pixels; positive
   */
  public ImageDecoder(long maxBytes, long maxPixels, long maxDecodedBytes, long maxWorkingPixels) {
    if (maxBytes < 1 || maxPixels < 1 || maxDecodedBytes < 1 || maxWorkingPixels < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: maxBytes="
              + maxBytes
              + " maxPixels="
              + maxPixels
              + " maxDecodedBytes="
              + maxDecodedBytes
              + " maxWorkingPixels="
              + maxWorkingPixels);
    }
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
    this.maxDecodedBytes = maxDecodedBytes;
    this.maxWorkingPixels = maxWorkingPixels;
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
    int reduction = reduction(header);
    checkDecodedBytes(header, reduction);
    if (!header.complete()) {
      throw ImageHeaderParser.notAnImage("the " + header.format() + " file is truncated");
    }
    try (Mat decoded = decodePixels(bytes, header, reduction);
        Mat working = WorkingSize.fit(decoded, maxWorkingPixels);
        Mat bgr = ChannelConversion.toBgr8(working);
        Mat upright = ExifOrientation.apply(bgr, header.exifOrientation());
        Mat rgb = new Mat()) {
      cvtColor(upright, rgb, COLOR_BGR2RGB);
      return MatConversion.toRgbImage(rgb);
    }
  }

  /**
   * 1, 2, 4 or 8: the largest reduction the JPEG decoder can do itself that keeps at least {@code
   * maxWorkingPixels} (the rest is scaled down by area averaging); 1 for other formats.
   */
  private int reduction(ImageHeader header) {
    int reduction = 1;
    if (header.format() == ImageHeader.Format.JPEG) {
      while (reduction < 8 && header.pixels() / (4L * reduction * reduction) >= maxWorkingPixels) {
        reduction *= 2;
      }
    }
    return reduction;
  }

  private void checkDecodedBytes(ImageHeader header, int reduction) {
    long decoded = header.decodedBytes() / ((long) reduction * reduction);
    if (decoded > maxDecodedBytes) {
      throw new FaceException(
          ErrorCode.IMAGE_TOO_LARGE,
          "the image would decode to "
              + decoded / (1024 * 1024)
              + " MiB ("
              + header.width()
              + "x"
              + header.height()
              + " pixels of "
              + header.decodedBytesPerPixel()
              + " bytes), more than the limit of "
              + maxDecodedBytes / (1024 * 1024)
              + " MiB; send a JPEG, or an 8-bit image with fewer pixels");
    }
  }

  private Mat decodePixels(byte[] bytes, ImageHeader header, int reduction) {
    boolean mayHaveAlpha = header.format() != ImageHeader.Format.JPEG;
    int flags =
        mayHaveAlpha ? IMREAD_UNCHANGED : jpegColourFlag(reduction) | IMREAD_IGNORE_ORIENTATION;
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

  private static int jpegColourFlag(int reduction) {
    return switch (reduction) {
      case 2 -> IMREAD_REDUCED_COLOR_2;
      case 4 -> IMREAD_REDUCED_COLOR_4;
      case 8 -> IMREAD_REDUCED_COLOR_8;
      default -> IMREAD_COLOR;
    };
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
