package facegate.gallery;

import facegate.core.Embedding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Searches every file under a folder (recursively) for people's biometric traces: the name in UTF-8
 * and, for each template, three 16-byte windows (start, middle, end) of its float32 vector in big-
 * and little-endian byte order. Windows rather than whole vectors, so a partial copy counts too; 16
 * random bytes match by chance with probability about 2^-128 per position.
 */
final class ErasureTraces {
  private static final int WINDOW_FLOATS = 4;
  private static final int WINDOW_BYTES = 4 * WINDOW_FLOATS;

  private ErasureTraces() {}

  /** Where {@code name} or a window of {@code templates} occurs, as "file: what"; empty if none. */
  static List<String> find(Path folder, String name, List<Embedding> templates) {
    return find(folder, Map.of(name, templates));
  }

  /**
   * Where any name (a key of {@code people}) or any window of its templates occurs, as "file:
   * what"; empty if none. Reads each file once; windows are looked up by hash at every offset.
   */
  static List<String> find(Path folder, Map<String, List<Embedding>> people) {
    Map<ByteBuffer, String> windows = new HashMap<>();
    people.forEach((name, templates) -> addWindows(windows, name, templates));
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        String where = folder.relativize(file) + ": ";
        for (String name : people.keySet()) {
          if (indexOf(bytes, name.getBytes(StandardCharsets.UTF_8)) >= 0) {
            hits.add(where + "name '" + name + "'");
          }
        }
        ByteBuffer all = ByteBuffer.wrap(bytes);
        for (int i = 0; i + WINDOW_BYTES <= bytes.length; i++) {
          String what = windows.get(all.slice(i, WINDOW_BYTES));
          if (what != null) {
            hits.add(where + what);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  private static void addWindows(
      Map<ByteBuffer, String> windows, String name, List<Embedding> templates) {
    for (int t = 0; t < templates.size(); t++) {
      float[] vector = templates.get(t).values();
      for (int start : new int[] {0, vector.length / 2, vector.length - WINDOW_FLOATS}) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
          ByteBuffer window = ByteBuffer.allocate(WINDOW_BYTES).order(order);
          for (int i = start; i < start + WINDOW_FLOATS; i++) {
            window.putFloat(vector[i]);
          }
          windows.put(
              ByteBuffer.wrap(window.array()),
              name + "'s template " + t + " at " + start + " " + order);
        }
      }
    }
  }

  /** The first position of {@code needle} in {@code haystack}, or -1. */
  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
