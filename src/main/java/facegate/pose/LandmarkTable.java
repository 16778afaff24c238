package facegate.pose;

import facegate.core.FaceBox;
import facegate.core.Landmarks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tab-separated cache of {@link FaceRecord}s, one line per image: {@code image view x0 y0 ... x67
 * y67}, or {@code image none} when no face was found. Lines are appended as images are processed,
 * so that an interrupted run resumes; a truncated last line is ignored on reading.
 */
public final class LandmarkTable implements AutoCloseable {
  private final BufferedWriter writer;

  private LandmarkTable(BufferedWriter writer) {
    this.writer = writer;
  }

  /** The records in {@code file}, by image, in file order; empty when the file does not exist. */
  public static Map<String, FaceRecord> read(Path file) {
    Map<String, FaceRecord> records = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return records;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    for (String line : lines) {
      FaceRecord record = parse(line);
      if (record != null) {
        records.put(record.image(), record);
      }
    }
    return records;
  }

  /** Opens {@code file} for appending (created with its parents when missing). */
  public static LandmarkTable append(Path file) {
    try {
      TextFiles.createParent(file);
      return new LandmarkTable(
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  /** Appends one record and flushes it. */
  public synchronized void write(FaceRecord record) {
    try {
      writer.write(format(record));
      writer.newLine();
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append a landmark record", e);
    }
  }

  static String format(FaceRecord record) {
    StringBuilder line = new StringBuilder(record.image());
    if (!record.hasFace()) {
      return line.append("\tnone").toString();
    }
    line.append('\t').append(record.view().name().toLowerCase(Locale.ROOT));
    for (double v : record.landmarks().xy()) {
      line.append('\t').append(String.format(Locale.ROOT, "%.2f", v));
    }
    return line.toString();
  }

  /** The record on {@code line}; null for a blank or truncated line. */
  static FaceRecord parse(String line) {
    String[] fields = line.split("\t");
    if (fields.length == 2 && fields[1].equals("none")) {
      return new FaceRecord(fields[0], null, null);
    }
    if (fields.length != 2 + Landmarks.COUNT * 2) {
      return null;
    }
    double[] xy = new double[Landmarks.COUNT * 2];
    try {
      for (int i = 0; i < xy.length; i++) {
        xy[i] = Double.parseDouble(fields[i + 2]);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    FaceBox.View view = FaceBox.View.valueOf(fields[1].toUpperCase(Locale.ROOT));
    return new FaceRecord(fields[0], view, new Landmarks(xy));
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the landmark table", e);
    }
  }
}
