package facegate.vision;

/** Bounds-checked reads of unsigned integers from a byte array; -1 when out of range. */
final class ByteReader {
  private final byte[] bytes;

  ByteReader(byte[] bytes) {
    this.bytes = bytes;
  }

  int length() {
    return bytes.length;
  }

  int u8(int offset) {
    return offset >= 0 && offset < bytes.length ? bytes[offset] & 0xff : -1;
  }

  int u16(int offset, boolean bigEndian) {
    int a = u8(offset);
    int b = u8(offset + 1);
    if (a < 0 || b < 0) {
      return -1;
    }
    return bigEndian ? (a << 8) | b : (b << 8) | a;
  }

  long u32(int offset, boolean bigEndian) {
    int high = u16(offset + (bigEndian ? 0 : 2), bigEndian);
    int low = u16(offset + (bigEndian ? 2 : 0), bigEndian);
    if (high < 0 || low < 0) {
      return -1;
    }
    return ((long) high << 16) | low;
  }

  /** True when the ASCII text {@code expected} is at {@code offset}. */
  boolean ascii(int offset, String expected) {
    for (int i = 0; i < expected.length(); i++) {
      if (u8(offset + i) != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Index of the first {@code first, second} byte pair at or after {@code from}; -1 if none. */
  int indexOfPair(int from, int first, int second) {
    for (int i = Math.max(0, from); i + 1 < bytes.length; i++) {
      if ((bytes[i] & 0xff) == first && (bytes[i + 1] & 0xff) == second) {
        return i;
      }
    }
    return -1;
  }
}
