package facegate.train;

import facegate.core.RgbImage;
import facegate.embed.DlibTail;
import facegate.vision.Mirror;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The frozen trunk's outputs of a list of aligned faces, computed once and kept in one file: per
 * face two rows, its chip's at {@code 2i} and its mirror image's at {@code 2i + 1}. The file starts
 * with a key (the caller's fingerprint of the trunk weights and the face list); a file with another
 * key or row count is recomputed, so stale features are never read.
 */
public final class TrunkFeatureCache {
  private static final int CHUNK = 64;

  private TrunkFeatureCache() {}

  /**
   * The features of {@code samples} from {@code file}, computing and writing them first when the
   * file is missing or stale.
   *
   * @param key identifies the trunk weights and the samples
   * @param progress told the number of faces done
   */
  public static float[][] loadOrCompute(
      Path file, String key, List<FaceSample> samples, DlibTail tail, IntConsumer progress) {
    float[][] cached = read(file, key, 2 * samples.size());
    if (cached != null) {
      progress.accept(samples.size());
      return cached;
    }
    float[][] rows = new float[2 * samples.size()][];
    for (int start = 0; start < samples.size(); start += CHUNK) {
      int end = Math.min(samples.size(), start + CHUNK);
      List<RgbImage> chips = new ArrayList<>();
      for (FaceSample sample : samples.subList(start, end)) {
        chips.add(sample.chip());
        chips.add(Mirror.horizontal(sample.chip()));
      }
      float[][] features = tail.trunkFeatures(chips);
      System.arraycopy(features, 0, rows, 2 * start, features.length);
      progress.accept(end);
    }
    write(file, key, rows);
    return rows;
  }

  private static float[][] read(Path file, String key, int rowCount) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      if (!in.readUTF().equals(key) || in.readInt() != rowCount) {
        return null;
      }
      int length = in.readInt();
      float[][] rows = new float[rowCount][length];
      for (float[] row : rows) {
        for (int i = 0; i < length; i++) {
          row[i] = in.readFloat();
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trunk features " + file, e);
    }
  }

  private static void write(Path file, String key, float[][] rows) {
    try {
      Path absolute = file.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20))) {
        out.writeUTF(key);
        out.writeInt(rows.length);
        out.writeInt(rows.length == 0 ? 0 : rows[0].length);
        for (float[] row : rows) {
          for (float value : row) {
            out.writeFloat(value);
          }
        }
      }
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trunk features " + file, e);
    }
  }
}
