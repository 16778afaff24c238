package facegate.pose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The pose tables' files: UTF-8 text in folders created when missing. */
final class TextFiles {
  private TextFiles() {}

  /** Creates the folder {@code file} goes in, with its parents, when missing. */
  static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }

  /** Writes {@code lines} to {@code file} (replacing it), creating its folder when missing. */
  static void writeLines(Path file, List<String> lines) {
    try {
      createParent(file);
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Parses lines {@code index x y z} (blank lines and lines starting with {@code #} skipped) into
   * {@code points[index] = {x, y, z}}.
   *
   * @throws IllegalArgumentException unless exactly {@code count} points are read
   */
  static double[][] indexedPoints(List<String> lines, int count) {
    double[][] points = new double[count][];
    int seen = 0;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      points[Integer.parseInt(f[0])] =
          new double[] {
            Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])
          };
      seen++;
    }
    if (seen != count) {
      throw new IllegalArgumentException("expected " + count + " points, read " + seen);
    }
    return points;
  }
}
