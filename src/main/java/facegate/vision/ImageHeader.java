package facegate.vision;

import java.util.Objects;

/**
 * What an image file's header declares, read without decoding the pixels.
 *
 * @param format the container format recognised from the file signature
 * @param width declared width in pixels, at least 1, before any EXIF rotation
 * @param height declared height in pixels, at least 1, before any EXIF rotation
 * @param exifOrientation the EXIF orientation tag, 1 (upright) to 8; 1 when absent or not JPEG
 * @param complete false when the structure shows the file was cut short (a JPEG without its
 *     end-of-image marker, a PNG without its IEND chunk)
 * @param decodedBytesPerPixel bytes one pixel takes once decoded (channels times bytes per sample
 *     as OpenCV holds them: 3 for a JPEG, up to 8 for a 16-bit RGBA PNG), 1 to 8
 */
record ImageHeader(
    ImageHeader.Format format,
    long width,
    long height,
    int exifOrientation,
    boolean complete,
    int decodedBytesPerPixel) {
  /** The formats whose headers {@link ImageHeaderParser} understands. */
  enum Format {
    JPEG,
    PNG,
    BMP,
    WEBP,
    GIF
  }

  ImageHeader {
    Objects.requireNonNull(format, "format");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("declared size must be positive: " + width + "x" + height);
    }
    if (exifOrientation < 1 || exifOrientation > 8) {
      throw new IllegalArgumentException("EXIF orientation must be 1-8: " + exifOrientation);
    }
    if (decodedBytesPerPixel < 1 || decodedBytesPerPixel > 8) {
      throw new IllegalArgumentException("bytes per pixel must be 1-8: " + decodedBytesPerPixel);
    }
  }

  /** Bytes the full-size decoded pixels take. */
  long decodedBytes() {
    return pixels() * decodedBytesPerPixel;
  }

  long pixels() {
    return width * height;
  }

  /** True when the EXIF orientation swaps width and height (orientations 5 to 8). */
  boolean transposed() {
    return exifOrientation >= 5;
  }
}
