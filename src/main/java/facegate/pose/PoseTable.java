package facegate.pose;

import facegate.core.FaceBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pose table: a TSV with a header line {@code image identity detector yaw pitch roll
 * reprojection bucket}, one row per image whose face was found; angles in degrees (see {@link
 * HeadPose}), detector views and buckets in lower case.
 */
public final class PoseTable {
  static final String HEADER = "image\tidentity\tdetector\tyaw\tpitch\troll\treprojection\tbucket";

  private PoseTable() {}

  public static void write(Path file, List<PoseEntry> entries) {
    List<String> lines = new ArrayList<>(entries.size() + 1);
    lines.add(HEADER);
    for (PoseEntry e : entries) {
      HeadPose p = e.pose();
      lines.add(
          String.format(
              Locale.ROOT,
              "%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\t%s",
              e.image(),
              e.identity(),
              e.view().name().toLowerCase(Locale.ROOT),
              p.yawDegrees(),
              p.pitchDegrees(),
              p.rollDegrees(),
              p.reprojectionPixels(),
              e.bucket().label()));
    }
    TextFiles.writeLines(file, lines);
  }

  /** The rows of {@code file}; a missing file fails with a message naming the command. */
  public static List<PoseEntry> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the pose table " + file + " (write it with `facegate pose`)", e);
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException(file + " is not a pose table (header: " + HEADER + ")");
    }
    List<PoseEntry> entries = new ArrayList<>(lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length != 8) {
        throw new IllegalArgumentException("bad pose table row in " + file + ": " + line);
      }
      entries.add(
          new PoseEntry(
              f[0],
              f[1],
              FaceBox.View.valueOf(f[2].toUpperCase(Locale.ROOT)),
              new HeadPose(
                  Double.parseDouble(f[3]),
                  Double.parseDouble(f[4]),
                  Double.parseDouble(f[5]),
                  Double.parseDouble(f[6]))));
    }
    return entries;
  }
}
