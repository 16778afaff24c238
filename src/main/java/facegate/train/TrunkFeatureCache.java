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
    return loadOrCompute(
        file,
        key,
        samples.size(),
        (start, end) -> {
          List<RgbImage> chips = new ArrayList<>();
          for (FaceSample sample : samples.subList(start, end)) {
            chips.add(sample.chip());
            chips.add(Mirror.horizontal(sample.chip()));
          }
          return tail.trunkFeatures(chips);
        },
        progress);
  }

  /** Computes the two trunk rows of each face in {@code [start, end)}. */
  public interface Rows {
    float[][] compute(int start, int end);
  }

  /**
   * The {@code 2 * count} rows keyed {@code key} from {@code file}, computing them chunk by chunk
   * with {@code rows} and writing them first when the file is missing or stale.
   */
  public static float[][] loadOrCompute(
      Path file, String key, int count, Rows rows, IntConsumer progress) {
    float[][] cached = read(file, key, 2 * count);
    if (cached != null) {
      progress.accept(count);
      return cached;
    }
    float[][] out = new float[2 * count][];
    for (int start = 0; start < count; start += CHUNK) {
      int end = Math.min(count, start + CHUNK);
      float[][] features = rows.compute(start, end);
      System.arraycopy(features, 0, out, 2 * start, features.length);
      progress.accept(end);
    }
    write(file, key, out);
    return out;
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
      Path temporary =
          Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
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
