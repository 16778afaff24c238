package facegate.vision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One decoded anchor of a MediaPipe detector, relative to the input square.
 *
 * @param score face probability in [0, 1]
 * @param values {@code xmin, ymin, xmax, ymax}, then {@code x, y} of each keypoint
 */
record AnchorDetection(double score, double[] values) {
  AnchorDetection {
    if (values == null || values.length < 4) {
      throw new IllegalArgumentException("need at least a box");
    }
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  double value(int index) {
    return values[index];
  }

  /** Intersection over union of the two boxes; 0 when either is empty. */
  double iou(AnchorDetection other) {
    double width = Math.min(values[2], other.values[2]) - Math.max(values[0], other.values[0]);
    double height = Math.min(values[3], other.values[3]) - Math.max(values[1], other.values[1]);
    double intersection = Math.max(0, width) * Math.max(0, height);
    double union = area() + other.area() - intersection;
    return union > 0 ? intersection / union : 0;
  }

  private double area() {
    return Math.max(0, values[2] - values[0]) * Math.max(0, values[3] - values[1]);
  }

  /**
   * MediaPipe's weighted non-maximum suppression: strongest first, every remaining detection
   * overlapping it by more than {@code iouThreshold} (itself included) is merged into one whose box
   * and keypoints are the score-weighted means and whose score is the strongest's. Empty input
   * gives an empty list; at most {@code maxResults}, strongest first.
   */
  static List<AnchorDetection> weightedSuppression(
      List<AnchorDetection> detections, double iouThreshold, int maxResults) {
    List<AnchorDetection> remaining = new ArrayList<>(detections);
    remaining.sort(Comparator.comparingDouble(AnchorDetection::score).reversed());
    List<AnchorDetection> kept = new ArrayList<>();
    while (!remaining.isEmpty() && kept.size() < maxResults) {
      AnchorDetection strongest = remaining.get(0);
      double[] sum = new double[strongest.values.length];
      double total = 0;
      List<AnchorDetection> rest = new ArrayList<>();
      for (AnchorDetection candidate : remaining) {
        if (candidate == strongest || strongest.iou(candidate) > iouThreshold) {
          for (int i = 0; i < sum.length; i++) {
            sum[i] += candidate.score * candidate.values[i];
          }
          total += candidate.score;
        } else {
          rest.add(candidate);
        }
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] = total > 0 ? sum[i] / total : strongest.values[i];
      }
      kept.add(new AnchorDetection(strongest.score, sum));
      remaining = rest;
    }
    return kept;
  }
}
