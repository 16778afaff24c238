package facegate.eval;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A labelled liveness data set's {@value #FILE_NAME}: one frame per line, tab-separated {@code
 * path, class, subject[, session]}, class {@code live} or {@code photo} (NUAA's layout). Blank
 * lines are skipped.
 *
 * @param path the frame, relative to the data set's folder
 * @param live class {@code live}; {@code photo} is a presentation attack
 * @param subject who is shown
 */
public record LivenessLabels(String path, boolean live, String subject) {
  /** The labels file in a data set's folder. */
  public static final String FILE_NAME = "labels.tsv";

  public LivenessLabels {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(subject, "subject");
  }

  /**
   * Reads {@code folder/labels.tsv}; {@code dataset_invalid} when it is missing, empty, or a line
   * has fewer than three fields or an unknown class.
   */
  public static List<LivenessLabels> read(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.DATASET_INVALID,
          "cannot read " + file + " (tab-separated path, live|photo, subject): " + e.getMessage(),
          e);
    }
    List<LivenessLabels> labels = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        labels.add(parse(lines.get(i), file + ":" + (i + 1)));
      }
    }
    if (labels.isEmpty()) {
      throw new FaceException(ErrorCode.DATASET_INVALID, file + " lists no frames");
    }
    return labels;
  }

  static LivenessLabels parse(String line, String where) {
    String[] fields = line.split("\t");
    if (fields.length < 3 || fields[0].isBlank() || fields[2].isBlank()) {
      throw new FaceException(
          ErrorCode.DATASET_INVALID,
          where + ": expected 'path<TAB>live|photo<TAB>subject', got '" + line + "'");
    }
    String kind = fields[1].strip().toLowerCase(Locale.ROOT);
    if (!kind.equals("live") && !kind.equals("photo")) {
      throw new FaceException(
          ErrorCode.DATASET_INVALID, where + ": class must be live or photo, got '" + kind + "'");
    }
    return new LivenessLabels(fields[0].strip(), kind.equals("live"), fields[2].strip());
  }
}
