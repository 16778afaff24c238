package facegate.vision;

/**
 * Walks the marker segments of a JPEG file up to its first scan: the frame size from the SOF
 * segment, the orientation from an APP1 Exif segment, and whether an end-of-image marker follows
 * the scan data. Never decodes pixels.
 */
final class JpegHeaderParser {
  private static final int EXIF_ORIENTATION_TAG = 0x0112;
  private static final int EXIF_TYPE_SHORT = 3;

  private JpegHeaderParser() {}

  /** Parses {@code bytes}, which start with the JPEG signature FF D8 FF. */
  static ImageHeader parse(byte[] bytes) {
    ByteReader reader = new ByteReader(bytes);
    long width = -1;
    long height = -1;
    int orientation = 1;
    int position = 2;
    while (true) {
      if (position >= reader.length() && width > 0) {
        // Cut short after the frame header: the size is known, so limits can still be checked.
        return header(width, height, orientation, false);
      }
      if (reader.u8(position) != 0xFF) {
        throw ImageHeaderParser.notAnImage("the JPEG marker structure is broken");
      }
      while (reader.u8(position) == 0xFF) {
        position++;
      }
      int marker = reader.u8(position++);
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
        continue;
      }
      int length = reader.u16(position, true);
      if (marker < 0 || marker == 0xD9 || length < 2 || position + length > reader.length()) {
        return header(width, height, orientation, false);
      }
      if (marker == 0xDA) {
        boolean complete = reader.indexOfPair(position + length, 0xFF, 0xD9) >= 0;
        return header(width, height, orientation, complete);
      }
      if (isStartOfFrame(marker)) {
        height = reader.u16(position + 3, true);
        width = reader.u16(position + 5, true);
      } else if (marker == 0xE1 && reader.ascii(position + 2, "Exif\0\0")) {
        orientation = exifOrientation(reader, position + 8);
      }
      position += length;
    }
  }

  private static ImageHeader header(long width, long height, int orientation, boolean complete) {
    if (width < 1 || height < 1) {
      throw ImageHeaderParser.notAnImage(
          complete
              ? "the JPEG header declares no usable frame size"
              : "the JPEG file ends inside its header");
    }
    // decoded as 8-bit BGR whatever the file's components (IMREAD_COLOR)
    return new ImageHeader(ImageHeader.Format.JPEG, width, height, orientation, complete, 3);
  }

  /** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }

  /**
   * The orientation tag of IFD0 of the TIFF structure at {@code tiff}; 1 when absent, out of range
   * or malformed (a broken Exif block should not make a viewable photo unusable).
   */
  static int exifOrientation(ByteReader reader, int tiff) {
    boolean bigEndian;
    if (reader.ascii(tiff, "MM")) {
      bigEndian = true;
    } else if (reader.ascii(tiff, "II")) {
      bigEndian = false;
    } else {
      return 1;
    }
    if (reader.u16(tiff + 2, bigEndian) != 42) {
      return 1;
    }
    long ifd = reader.u32(tiff + 4, bigEndian);
    if (ifd < 8 || ifd > reader.length()) {
      return 1;
    }
    int entries = reader.u16(tiff + (int) ifd, bigEndian);
    for (int i = 0; i < entries; i++) {
      int entry = tiff + (int) ifd + 2 + i * 12;
      if (reader.u16(entry, bigEndian) == EXIF_ORIENTATION_TAG
          && reader.u16(entry + 2, bigEndian) == EXIF_TYPE_SHORT) {
        int value = reader.u16(entry + 8, bigEndian);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }
}
