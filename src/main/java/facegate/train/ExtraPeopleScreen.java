package facegate.train;

import facegate.embed.DlibTail;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps extra training people (LFW people in no pair, CelebA) apart from the evaluation people: an
 * extra identity is dropped when its folder name is a CFP person's name (LFW spelling), or when the
 * centroid of its faces' embeddings (the imported network's, chip + mirror) is more similar to the
 * centroid of some CFP or LFW-pairs person than {@value #QUANTILE} of the LFW-pairs people are to
 * their nearest other LFW-pairs person: likely the same person under another label (CelebA has no
 * names). Identities with fewer than two faces are dropped too (no positive pair).
 */
final class ExtraPeopleScreen {
  /** The quantile of the distinct-person null distribution above which an extra is dropped. */
  static final double QUANTILE = 0.99;

  private final DlibTail tail;

  /** The kept faces and their trunk feature rows. */
  record Kept(List<FaceSample> faces, float[][] features) {}

  ExtraPeopleScreen(DlibTail tail) {
    this.tail = tail;
  }

  /**
   * The {@code quantile} of each centroid's largest cosine to another of {@code centroids}:
   * distinct named people, so this is how similar the nearest other person gets by chance.
   */
  static double nullQuantile(List<float[]> centroids, double quantile) {
    double[] nearest = new double[centroids.size()];
    for (int i = 0; i < nearest.length; i++) {
      List<float[]> others = new ArrayList<>(centroids);
      others.remove(i);
      nearest[i] = maxSimilarity(centroids.get(i), others);
    }
    java.util.Arrays.sort(nearest);
    return nearest.length == 0
        ? 1
        : nearest[Math.min(nearest.length - 1, (int) Math.floor(quantile * nearest.length))];
  }

  Kept keep(
      List<FaceSample> extra,
      float[][] extraFeatures,
      List<List<FaceSample>> protectedFaces,
      List<float[][]> protectedFeatures,
      Set<String> protectedNames,
      PrintStream log) {
    if (extra.isEmpty()) {
      return new Kept(List.of(), new float[0][]);
    }
    List<float[]> protectedCentroids = new ArrayList<>();
    List<float[]> lfwCentroids = List.of();
    for (int s = 0; s < protectedFaces.size(); s++) {
      float[][] embeddings = CfpCrossValidation.pipelineRows(tail.embed(protectedFeatures.get(s)));
      List<float[]> centroids =
          new ArrayList<>(centroids(protectedFaces.get(s), embeddings).values());
      protectedCentroids.addAll(centroids);
      lfwCentroids = centroids;
    }
    double threshold = nullQuantile(lfwCentroids, QUANTILE);
    float[][] embeddings = CfpCrossValidation.pipelineRows(tail.embed(extraFeatures));
    Map<String, float[]> extraCentroids = centroids(extra, embeddings);
    Map<String, Integer> counts = new LinkedHashMap<>();
    extra.forEach(f -> counts.merge(f.identity(), 1, Integer::sum));
    int byName = 0;
    int byFace = 0;
    int single = 0;
    java.util.Set<String> dropped = new java.util.HashSet<>();
    for (Map.Entry<String, float[]> entry : extraCentroids.entrySet()) {
      String identity = entry.getKey();
      if (protectedNames.contains(nameOf(identity))) {
        byName++;
        dropped.add(identity);
      } else if (counts.get(identity) < 2) {
        single++;
        dropped.add(identity);
      } else if (maxSimilarity(entry.getValue(), protectedCentroids) >= threshold) {
        byFace++;
        dropped.add(identity);
      }
    }
    List<FaceSample> faces = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < extra.size(); i++) {
      if (!dropped.contains(extra.get(i).identity())) {
        faces.add(extra.get(i));
        rows.add(extraFeatures[2 * i]);
        rows.add(extraFeatures[2 * i + 1]);
      }
    }
    log.printf(
        java.util.Locale.ROOT,
        "extra people: %d of %d kept (%d dropped by name, %d by face centroid at cosine >= %.4f (%.2f"
            + " quantile of the nearest other LFW-pairs person),"
            + " %d with one face)%n",
        extraCentroids.size() - dropped.size(),
        extraCentroids.size(),
        byName,
        byFace,
        threshold,
        QUANTILE,
        single);
    return new Kept(faces, rows.toArray(new float[0][]));
  }

  /** The last part of an identity name ({@code celeba-299:123} to {@code 123}). */
  private static String nameOf(String identity) {
    int colon = identity.lastIndexOf(':');
    return Path.of(identity.substring(colon + 1)).getFileName().toString();
  }

  private static Map<String, float[]> centroids(List<FaceSample> faces, float[][] embeddings) {
    Map<String, float[]> sums = new LinkedHashMap<>();
    for (int i = 0; i < faces.size(); i++) {
      float[] sum = sums.computeIfAbsent(faces.get(i).identity(), k -> new float[128]);
      for (int d = 0; d < sum.length; d++) {
        sum[d] += embeddings[i][d];
      }
    }
    sums.values().forEach(CfpCrossValidation::normalise);
    return sums;
  }

  private static double maxSimilarity(float[] centroid, List<float[]> others) {
    double best = -1;
    for (float[] other : others) {
      double dot = 0;
      for (int d = 0; d < centroid.length; d++) {
        dot += centroid[d] * other[d];
      }
      best = Math.max(best, dot);
    }
    return best;
  }
}
