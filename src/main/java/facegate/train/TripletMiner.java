package facegate.train;

import java.util.ArrayList;
import java.util.List;

/**
 * How triplets are chosen from a batch, given the squared distances between its embeddings. The
 * choice needs no gradient: it reads plain distances, and the loss then gathers the chosen entries
 * of the distance array, through which gradients flow.
 */
public enum TripletMiner {
  /** Every valid triplet (a, p, n): same identity for a and p (a ≠ p), another for n. */
  BATCH_ALL,
  /** Per anchor, the farthest positive and the nearest negative (Hermans et al. 2017). */
  BATCH_HARD,
  /**
   * Per (anchor, positive) pair, FaceNet's semi-hard negative: the nearest negative farther than
   * the positive ({@code d(a,n) > d(a,p)}); where there is none, the farthest negative (as
   * TensorFlow Addons' {@code triplet_semihard_loss}).
   */
  SEMI_HARD;

  /**
   * @param distances row-major {@code n × n} squared distances
   * @param labels identity of each of the {@code n} samples
   * @return the chosen triplets; anchors without a positive or a negative give none
   */
  public Triplets select(float[] distances, int[] labels) {
    int n = labels.length;
    if (distances.length != n * n) {
      throw new IllegalArgumentException("expected " + n * n + " distances");
    }
    List<int[]> chosen = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      switch (this) {
        case BATCH_ALL -> all(labels, a, chosen);
        case BATCH_HARD -> hardest(distances, labels, a, chosen);
        case SEMI_HARD -> semiHard(distances, labels, a, chosen);
      }
    }
    int[] anchors = new int[chosen.size()];
    int[] positives = new int[chosen.size()];
    int[] negatives = new int[chosen.size()];
    for (int i = 0; i < chosen.size(); i++) {
      anchors[i] = chosen.get(i)[0];
      positives[i] = chosen.get(i)[1];
      negatives[i] = chosen.get(i)[2];
    }
    return new Triplets(anchors, positives, negatives);
  }

  private static void all(int[] labels, int a, List<int[]> chosen) {
    for (int p = 0; p < labels.length; p++) {
      if (p == a || labels[p] != labels[a]) {
        continue;
      }
      for (int neg = 0; neg < labels.length; neg++) {
        if (labels[neg] != labels[a]) {
          chosen.add(new int[] {a, p, neg});
        }
      }
    }
  }

  private static void hardest(float[] d, int[] labels, int a, List<int[]> chosen) {
    int n = labels.length;
    int positive = -1;
    int negative = -1;
    for (int j = 0; j < n; j++) {
      if (j == a) {
        continue;
      }
      if (labels[j] == labels[a]) {
        if (positive < 0 || d[a * n + j] > d[a * n + positive]) {
          positive = j;
        }
      } else if (negative < 0 || d[a * n + j] < d[a * n + negative]) {
        negative = j;
      }
    }
    if (positive >= 0 && negative >= 0) {
      chosen.add(new int[] {a, positive, negative});
    }
  }

  private static void semiHard(float[] d, int[] labels, int a, List<int[]> chosen) {
    int n = labels.length;
    for (int p = 0; p < n; p++) {
      if (p == a || labels[p] != labels[a]) {
        continue;
      }
      float positive = d[a * n + p];
      int semiHard = -1;
      int farthest = -1;
      for (int neg = 0; neg < n; neg++) {
        if (labels[neg] == labels[a]) {
          continue;
        }
        float distance = d[a * n + neg];
        if (distance > positive && (semiHard < 0 || distance < d[a * n + semiHard])) {
          semiHard = neg;
        }
        if (farthest < 0 || distance > d[a * n + farthest]) {
          farthest = neg;
        }
      }
      if (farthest >= 0) {
        chosen.add(new int[] {a, p, semiHard >= 0 ? semiHard : farthest});
      }
    }
  }
}
