package facegate.train;

import facegate.core.Embedding;
import facegate.core.RgbImage;
import facegate.embed.FaceEmbedder;
import facegate.vision.FaceAligner;
import facegate.vision.Mirror;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores image pairs from cached chips with a loaded embedder, the way the pipeline embeds (chip
 * plus mirror, summed and normalised). An image without a cached face scores NaN (a failure,
 * counted as a mismatch by {@link ThresholdAccuracy}).
 */
public final class PairScoring {
  private PairScoring() {}

  /**
   * @param samples cached faces, looked up by {@link FaceSample#source()}
   * @param left each pair's first image file, as the cache names it
   * @param right each pair's second image file
   */
  public static double[] score(
      FaceEmbedder embedder, List<FaceSample> samples, List<String> left, List<String> right) {
    Map<String, FaceSample> bySource = new HashMap<>();
    samples.forEach(s -> bySource.put(s.source(), s));
    Map<String, Integer> slot = new HashMap<>();
    List<RgbImage> chips = new ArrayList<>();
    for (List<String> side : List.of(left, right)) {
      for (String source : side) {
        FaceSample sample = bySource.get(source);
        if (sample != null && !slot.containsKey(source)) {
          slot.put(source, chips.size() / 2);
          RgbImage chip = FaceAligner.resampled(sample.chip(), embedder.inputSize());
          chips.add(chip);
          chips.add(Mirror.horizontal(chip));
        }
      }
    }
    List<Embedding> raw = embedder.embed(chips);
    double[] scores = new double[left.size()];
    for (int i = 0; i < scores.length; i++) {
      Integer a = slot.get(left.get(i));
      Integer b = slot.get(right.get(i));
      scores[i] = a == null || b == null ? Double.NaN : cosine(raw, a, b);
    }
    return scores;
  }

  private static double cosine(List<Embedding> raw, int a, int b) {
    float[] x = sum(raw, a);
    float[] y = sum(raw, b);
    double dot = 0;
    for (int d = 0; d < x.length; d++) {
      dot += x[d] * y[d];
    }
    return dot;
  }

  private static float[] sum(List<Embedding> raw, int index) {
    float[] sum = raw.get(2 * index).values();
    float[] mirrored = raw.get(2 * index + 1).values();
    for (int d = 0; d < sum.length; d++) {
      sum[d] += mirrored[d];
    }
    return Embedding.normalize(sum).values();
  }
}
