package facegate.bench;

import facegate.core.AlignedFace;
import facegate.core.RgbImage;
import facegate.embed.FaceEmbedder;
import facegate.pipeline.FaceRecognizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embed section of {@code bench}: the embedding network alone, one caller, one predictor, on
 * aligned chips of real photos, at several batch sizes. Prints chips per second for each.
 */
public final class EmbedBench {
  private final PrintStream out;

  /** Prints its lines to {@code out}. */
  public EmbedBench(PrintStream out) {
    this.out = out;
  }

  /**
   * @param recognizer the pipeline whose embedder is measured (one predictor, no batching)
   * @param photos the photos whose faces are embedded, cycled through
   * @param chipsPerSize chips embedded (after one warm-up batch) at each batch size
   * @return chips per second at the largest batch size
   */
  public double run(
      FaceRecognizer recognizer, List<byte[]> photos, int[] batchSizes, int chipsPerSize) {
    double last = 0;
    List<RgbImage> chips = new ArrayList<>();
    for (byte[] photo : photos) {
      for (AlignedFace face : recognizer.alignFaces(recognizer.decode(photo), false)) {
        chips.add(face.chip());
      }
    }
    FaceEmbedder embedder = recognizer.embedder();
    for (int batch : batchSizes) {
      embedder.embed(take(chips, 0, batch)); // warm-up
      long start = System.nanoTime();
      int done = 0;
      while (done < chipsPerSize) {
        done += embedder.embed(take(chips, done, batch)).size();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      last = done / seconds;
      out.printf(
          Locale.ROOT,
          "embed batch=%d chips=%d seconds=%.2f ips=%.1f%n",
          batch,
          done,
          seconds,
          last);
      out.flush();
    }
    return last;
  }

  /** {@code count} chips starting at {@code from}, cycling through {@code chips}. */
  private static List<RgbImage> take(List<RgbImage> chips, int from, int count) {
    List<RgbImage> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(chips.get((from + i) % chips.size()));
    }
    return batch;
  }
}
