package facegate.eval;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An LFW-format pairs file: a header {@code folds pairsPerHalf}, then per fold {@code pairsPerHalf}
 * same-person lines {@code name n1 n2} followed by as many different-person lines {@code name1 n1
 * name2 n2}. Image {@code n} of {@code name} is {@code name/name_000n.jpg} under the images folder.
 *
 * @param folds number of folds, at least 1
 * @param pairs every pair, in file order
 */
public record PairsProtocol(int folds, List<Pair> pairs) {
  /** One pair of images; {@code fold} counts from 0. */
  public record Pair(
      int fold, boolean same, String leftName, int leftNumber, String rightName, int rightNumber) {
    public Path left(Path images) {
      return imagePath(images, leftName, leftNumber);
    }

    public Path right(Path images) {
      return imagePath(images, rightName, rightNumber);
    }
  }

  public PairsProtocol {
    if (folds < 1) {
      throw new IllegalArgumentException("at least one fold is needed");
    }
    pairs = List.copyOf(pairs);
  }

  /** The image file of person {@code name}'s image number {@code number}. */
  public static Path imagePath(Path images, String name, int number) {
    return images.resolve(name).resolve(String.format("%s_%04d.jpg", name, number));
  }

  /** Every distinct image the pairs refer to, in first-seen order. */
  public List<Path> images(Path imagesDir) {
    Set<Path> seen = new LinkedHashSet<>();
    for (Pair pair : pairs) {
      seen.add(pair.left(imagesDir));
      seen.add(pair.right(imagesDir));
    }
    return List.copyOf(seen);
  }

  /** Reads and checks a pairs file; a malformed file fails with the line that is wrong. */
  public static PairsProtocol read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.PAIRS_FILE_INVALID,
          "cannot read pairs file " + file + ": " + e.getMessage(),
          e);
    }
    lines = lines.stream().filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty()) {
      throw invalid(file, 1, "empty file; expected a header 'folds pairsPerHalf'");
    }
    int[] header = parseHeader(file, lines.get(0));
    int folds = header[0];
    int perHalf = header[1];
    if (lines.size() - 1 != folds * perHalf * 2) {
      throw invalid(
          file,
          1,
          "header announces "
              + folds * perHalf * 2
              + " pairs but the file has "
              + (lines.size() - 1));
    }
    List<Pair> pairs = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      int index = i - 1;
      int fold = index / (2 * perHalf);
      boolean same = index % (2 * perHalf) < perHalf;
      pairs.add(parsePair(file, i + 1, lines.get(i), fold, same));
    }
    return new PairsProtocol(folds, pairs);
  }

  private static int[] parseHeader(Path file, String line) {
    String[] parts = line.trim().split("\\s+");
    try {
      int folds = Integer.parseInt(parts[0]);
      int perHalf = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
      if (parts.length != 2 || folds < 1 || perHalf < 1) {
        throw invalid(file, 1, "expected a header 'folds pairsPerHalf', got '" + line + "'");
      }
      return new int[] {folds, perHalf};
    } catch (NumberFormatException e) {
      throw invalid(file, 1, "expected a header 'folds pairsPerHalf', got '" + line + "'");
    }
  }

  private static Pair parsePair(Path file, int lineNumber, String line, int fold, boolean same) {
    String[] parts = line.trim().split("\\s+");
    try {
      if (same && parts.length == 3) {
        return new Pair(
            fold, true, parts[0], Integer.parseInt(parts[1]), parts[0], Integer.parseInt(parts[2]));
      }
      if (!same && parts.length == 4) {
        return new Pair(
            fold,
            false,
            parts[0],
            Integer.parseInt(parts[1]),
            parts[2],
            Integer.parseInt(parts[3]));
      }
    } catch (NumberFormatException e) {
      throw invalid(file, lineNumber, "image numbers must be integers: '" + line + "'");
    }
    throw invalid(
        file,
        lineNumber,
        (same ? "expected 'name n1 n2'" : "expected 'name1 n1 name2 n2'") + ", got '" + line + "'");
  }

  private static FaceException invalid(Path file, int line, String message) {
    return new FaceException(ErrorCode.PAIRS_FILE_INVALID, file + ":" + line + ": " + message);
  }
}
