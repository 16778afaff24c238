package facegate.core;

/**
 * An 8-bit RGB image in row-major, interleaved order ({@code r,g,b} per pixel). The neutral image
 * type that crosses package borders, so that no OpenCV or DJL type leaks out of its package.
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param rgb {@code width * height * 3} bytes, shared, not copied: treat as read-only
 */
public record RgbImage(int width, int height, byte[] rgb) {
  public RgbImage {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
    }
    if (rgb == null || rgb.length != width * height * 3) {
      throw new IllegalArgumentException(
          "expected " + (width * height * 3) + " RGB bytes, got " + (rgb == null ? 0 : rgb.length));
    }
  }

  /** Channel {@code c} (0 red, 1 green, 2 blue) of pixel ({@code x}, {@code y}), 0-255. */
  public int channel(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xff;
  }
}
