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
import java.util.List;
import java.util.stream.Stream;

/**
 * Searches every file under a folder (recursively) for a person's biometric traces: the name in
 * UTF-8 and, for each template, three 16-byte windows (start, middle, end) of its float32 vector in
 * big- and little-endian byte order. Windows rather than whole vectors, so a partial copy counts
 * too; 16 random bytes match by chance with probability about 2^-128 per position.
 */
final class ErasureTraces {
  private static final int WINDOW_FLOATS = 4;

  private ErasureTraces() {}

  /**
   * Where {@code name} or any window of {@code templates} occurs, as "file: what"; empty if none.
   */
  static List<String> find(Path folder, String name, List<Embedding> templates) {
    List<Needle> needles = new ArrayList<>();
    needles.add(new Needle("name '" + name + "'", name.getBytes(StandardCharsets.UTF_8)));
    for (int t = 0; t < templates.size(); t++) {
      float[] vector = templates.get(t).values();
      for (int start : new int[] {0, vector.length / 2, vector.length - WINDOW_FLOATS}) {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
          ByteBuffer window = ByteBuffer.allocate(4 * WINDOW_FLOATS).order(order);
          for (int i = start; i < start + WINDOW_FLOATS; i++) {
            window.putFloat(vector[i]);
          }
          needles.add(new Needle("template " + t + " at " + start + " " + order, window.array()));
        }
      }
    }
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        for (Needle needle : needles) {
          if (indexOf(bytes, needle.bytes()) >= 0) {
            hits.add(folder.relativize(file) + ": " + needle.what());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  private record Needle(String what, byte[] bytes) {}

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
