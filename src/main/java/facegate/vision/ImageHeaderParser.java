package facegate.vision;

import facegate.core.ErrorCode;
import facegate.core.FaceException;

/**
 * Recognises an image file by its signature and reads the pixel size its header declares, so that
 * oversized images are refused before any memory is spent decoding them. Understands JPEG (SOF),
 * PNG (IHDR), BMP (DIB header), WebP (VP8, VP8L and VP8X) and GIF (logical screen).
 */
final class ImageHeaderParser {
  static final String SUPPORTED = "JPEG, PNG, BMP, WebP or GIF";

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private ImageHeaderParser() {}

  /**
   * The header of {@code bytes}.
   *
   * @throws FaceException {@link ErrorCode#NOT_AN_IMAGE} when the signature is not one of the
   *     supported formats or the header is cut short or declares a zero size
   */
  static ImageHeader parse(byte[] bytes) {
    ByteReader reader = new ByteReader(bytes);
    if (reader.u8(0) == 0xFF && reader.u8(1) == 0xD8 && reader.u8(2) == 0xFF) {
      return JpegHeaderParser.parse(bytes);
    }
    if (startsWith(reader, PNG_SIGNATURE)) {
      return png(reader);
    }
    if (reader.ascii(0, "BM")) {
      return bmp(reader);
    }
    if (reader.ascii(0, "RIFF") && reader.ascii(8, "WEBP")) {
      return webp(reader);
    }
    if (reader.ascii(0, "GIF87a") || reader.ascii(0, "GIF89a")) {
      return sized(ImageHeader.Format.GIF, reader.u16(6, false), reader.u16(8, false), true, 4);
    }
    throw notAnImage("the data does not start with the signature of a supported image format");
  }

  static FaceException notAnImage(String problem) {
    return new FaceException(
        ErrorCode.NOT_AN_IMAGE,
        problem
            + "; send a complete "
            + SUPPORTED
            + " file (the raw file bytes, not base64 or"
            + " a data URL)");
  }

  private static ImageHeader png(ByteReader reader) {
    if (!reader.ascii(12, "IHDR")) {
      throw notAnImage("the PNG file has no IHDR header chunk");
    }
    int tail = Math.max(0, reader.length() - 64);
    return sized(
        ImageHeader.Format.PNG,
        reader.u32(16, true),
        reader.u32(20, true),
        hasIend(reader, tail),
        pngBytesPerPixel(reader.u8(24), reader.u8(25)));
  }

  /**
   * Bytes per decoded pixel of a PNG with this IHDR bit depth and colour type, as OpenCV's {@code
   * IMREAD_UNCHANGED} holds it: samples of 16 bits stay 16 bits, palettes expand to (at most) 4
   * channels; unknown values count as the largest, 8.
   */
  static int pngBytesPerPixel(int bitDepth, int colourType) {
    int channels =
        switch (colourType) {
          case 0 -> 1;
          case 2 -> 3;
          case 3 -> 4;
          case 4 -> 2;
          case 6 -> 4;
          default -> 4;
        };
    int bytesPerSample = bitDepth == 16 || bitDepth < 0 ? 2 : 1;
    return colourType == 3 ? channels : channels * bytesPerSample;
  }

  private static boolean hasIend(ByteReader reader, int from) {
    for (int i = from; i + 4 <= reader.length(); i++) {
      if (reader.ascii(i, "IEND")) {
        return true;
      }
    }
    return false;
  }

  private static ImageHeader bmp(ByteReader reader) {
    long dibSize = reader.u32(14, false);
    if (dibSize == 12) {
      return sized(ImageHeader.Format.BMP, reader.u16(18, false), reader.u16(20, false), true, 4);
    }
    long width = reader.u32(18, false);
    long height = reader.u32(22, false);
    if (dibSize < 40 || width < 0 || height < 0) {
      throw notAnImage("the BMP file has no readable DIB header");
    }
    // Both are signed 32-bit; a negative height means rows are stored top-down.
    return sized(ImageHeader.Format.BMP, Math.abs((int) width), Math.abs((int) height), true, 4);
  }

  private static ImageHeader webp(ByteReader reader) {
    if (reader.length() < 30) {
      throw notAnImage("the WebP file ends inside its header");
    }
    if (reader.ascii(12, "VP8X")) {
      long width = reader.u16(24, false) | ((long) reader.u8(26) << 16);
      long height = reader.u16(27, false) | ((long) reader.u8(29) << 16);
      return sized(ImageHeader.Format.WEBP, width + 1, height + 1, true, 4);
    }
    if (reader.ascii(12, "VP8L") && reader.u8(20) == 0x2F) {
      long bits = reader.u32(21, false);
      return sized(
          ImageHeader.Format.WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1, true, 4);
    }
    if (reader.ascii(12, "VP8 ")
        && reader.u8(23) == 0x9D
        && reader.u8(24) == 0x01
        && reader.u8(25) == 0x2A) {
      return sized(
          ImageHeader.Format.WEBP,
          reader.u16(26, false) & 0x3FFF,
          reader.u16(28, false) & 0x3FFF,
          true,
          4);
    }
    throw notAnImage("the WebP file has no VP8, VP8L or VP8X header");
  }

  private static ImageHeader sized(
      ImageHeader.Format format, long w, long h, boolean complete, int bytesPerPixel) {
    if (w < 1 || h < 1) {
      throw notAnImage("the " + format + " header is cut short or declares a zero size");
    }
    return new ImageHeader(format, w, h, 1, complete, bytesPerPixel);
  }

  private static boolean startsWith(ByteReader reader, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (reader.u8(i) != (prefix[i] & 0xff)) {
        return false;
      }
    }
    return true;
  }
}
