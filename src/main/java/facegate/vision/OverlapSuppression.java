package facegate.vision;

import facegate.core.FaceBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression, the one implementation every detector uses: candidates, strongest
 * first, are kept unless they overlap an already kept one by more than {@code iouThreshold}
 * (intersection over union). The two entry points differ only in what they read and how they order
 * candidates: {@link #suppress} merges the {@link FaceBox}es of several cascade runs, {@link
 * #selectAnchors} picks among an SSD network's raw anchors as face-api does.
 */
final class OverlapSuppression {
  private static final Comparator<FaceBox> STRONGEST_FIRST =
      Comparator.comparingDouble(FaceBox::score)
          .reversed()
          .thenComparing(box -> box.view() != FaceBox.View.FRONTAL)
          .thenComparing(Comparator.comparingDouble(FaceBox::area).reversed());

  private OverlapSuppression() {}

  /**
   * The boxes that overlap no stronger box by more than {@code iouThreshold}, strongest first
   * (higher score; on ties frontal before profile, then larger). Empty input gives an empty list.
   */
  static List<FaceBox> suppress(List<FaceBox> boxes, double iouThreshold) {
    List<FaceBox> sorted = new ArrayList<>(boxes);
    sorted.sort(STRONGEST_FIRST);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      order.add(i);
    }
    List<Integer> kept =
        keepStrongest(
            order,
            (keptIndex, candidate) -> sorted.get(keptIndex).iou(sorted.get(candidate)),
            iouThreshold,
            Integer.MAX_VALUE);
    List<FaceBox> faces = new ArrayList<>();
    for (int index : kept) {
      faces.add(sorted.get(index));
    }
    return faces;
  }

  /**
   * face-api's SSD suppression over anchor boxes: indices of the kept boxes, highest score first.
   * Only boxes scoring above {@code minScore} are candidates; equal scores keep the lower index
   * first; at most {@code maxResults} are kept. Boxes are {@code (ymin, xmin, ymax, xmax)}, see
   * {@link #anchorIou}. No candidate gives an empty list.
   *
   * @param boxes 4 values per box
   * @param scores one per box
   * @throws IllegalArgumentException when there are not 4 box values per score
   */
  static List<Integer> selectAnchors(
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
    return keepStrongest(
        candidates,
        (keptIndex, candidate) -> anchorIou(boxes, candidate, keptIndex),
        iouThreshold,
        maxResults);
  }

  /**
   * Intersection over union of anchor boxes {@code i} and {@code j} ({@code ymin, xmin, ymax,
   * xmax}, 4 values each); swapped corners are ordered first, and a box of zero or negative area
   * overlaps nothing (0).
   */
  static double anchorIou(float[] boxes, int i, int j) {
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

  /** Overlap of a kept candidate and a new one, by their indices. */
  @FunctionalInterface
  private interface Overlap {
    double iou(int kept, int candidate);
  }

  /** The greedy pass: {@code strongestFirst} in order, each kept unless it overlaps a kept one. */
  private static List<Integer> keepStrongest(
      List<Integer> strongestFirst, Overlap overlap, double iouThreshold, int maxResults) {
    List<Integer> kept = new ArrayList<>();
    for (int candidate : strongestFirst) {
      if (kept.size() >= maxResults) {
        break;
      }
      if (kept.stream().allMatch(k -> overlap.iou(k, candidate) <= iouThreshold)) {
        kept.add(candidate);
      }
    }
    return kept;
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
