package facegate.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression over anchor boxes, as face-api's SSD does it: candidates scoring
 * above {@code minScore}, highest score first, are kept unless they overlap a kept box by more than
 * {@code iouThreshold} (intersection over union), until {@code maxResults} are kept. Boxes are
 * {@code (ymin, xmin, ymax, xmax)}; swapped corners are ordered first, and a box of zero or
 * negative area overlaps nothing. Equal scores keep the lower index first.
 */
final class NonMaximumSuppression {
  private NonMaximumSuppression() {}

  /**
   * Indices of the kept boxes, highest score first.
   *
   * @param boxes 4 values per box
   * @param scores one per box
   */
  static List<Integer> select(
      float[] boxes, float[] scores, double minScore, double iouThreshold, int maxResults) {
    if (boxes.length != 4 * scores.length) {
      throw new IllegalArgumentException("need 4 box values per score");
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > minScore) {
        candidates.add(i);
      }
    }
    candidates.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
    List<Integer> kept = new ArrayList<>();
    for (int candidate : candidates) {
      if (kept.size() >= maxResults) {
        break;
      }
      if (kept.stream().allMatch(k -> iou(boxes, candidate, k) <= iouThreshold)) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  /** Intersection over union of boxes {@code i} and {@code j}; 0 if either has no area. */
  static double iou(float[] boxes, int i, int j) {
    double[] a = ordered(boxes, i);
    double[] b = ordered(boxes, j);
    double areaA = (a[2] - a[0]) * (a[3] - a[1]);
    double areaB = (b[2] - b[0]) * (b[3] - b[1]);
    if (areaA <= 0 || areaB <= 0) {
      return 0;
    }
    double height = Math.max(Math.min(a[2], b[2]) - Math.max(a[0], b[0]), 0);
    double width = Math.max(Math.min(a[3], b[3]) - Math.max(a[1], b[1]), 0);
    double intersection = height * width;
    return intersection / (areaA + areaB - intersection);
  }

  private static double[] ordered(float[] boxes, int index) {
    int o = index * 4;
    return new double[] {
      Math.min(boxes[o], boxes[o + 2]),
      Math.min(boxes[o + 1], boxes[o + 3]),
      Math.max(boxes[o], boxes[o + 2]),
      Math.max(boxes[o + 1], boxes[o + 3])
    };
  }
}
