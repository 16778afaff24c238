package facegate.vision;

import facegate.core.FaceBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression: one box per face when several detectors found it. */
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
    List<FaceBox> kept = new ArrayList<>();
    for (FaceBox candidate : sorted) {
      if (kept.stream().allMatch(box -> box.iou(candidate) <= iouThreshold)) {
        kept.add(candidate);
      }
    }
    return kept;
  }
}
