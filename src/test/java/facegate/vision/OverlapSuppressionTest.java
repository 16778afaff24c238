package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.FaceBox;
import facegate.core.FaceBox.View;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapSuppressionTest {
  // Anchors for selectAnchors, (ymin, xmin, ymax, xmax); IoUs with box 0 worked out by hand below.
  private static final float[] BOXES = {
    0, 0, 10, 10, // 0: score 0.9
    0, 5, 10, 15, // 1: 0.8, IoU with 0 = 50 / 150 = 0.33
    1, 1, 11, 11, // 2: 0.85, IoU with 0 = 81 / 119 = 0.68
    20, 20, 30, 30, // 3: 0.4, below the minimum score
    0, 2, 10, 12 // 4: 0.7, IoU with 0 = 80 / 120 = 0.67
  };
  private static final float[] SCORES = {0.9f, 0.8f, 0.85f, 0.4f, 0.7f};

  @Test
  void anchorsKeepTheStrongestOfEachOverlappingGroup() {
    assertEquals(List.of(0, 1), OverlapSuppression.selectAnchors(BOXES, SCORES, 0.5, 0.5, 100));
  }

  @Test
  void anchorsUnderALooserThresholdKeepMoreInScoreOrder() {
    // At 0.7: 2 (0.68 with 0) stays; 4 has 0.67 with 0, 0.68 with 2, 70 / 130 = 0.54 with 1.
    assertEquals(
        List.of(0, 2, 1, 4), OverlapSuppression.selectAnchors(BOXES, SCORES, 0.5, 0.7, 100));
  }

  @Test
  void anchorSelectionStopsAtMaxResultsAndHonoursTheMinimumScore() {
    assertEquals(List.of(0), OverlapSuppression.selectAnchors(BOXES, SCORES, 0.5, 0.5, 1));
    assertEquals(List.of(0, 1, 3), OverlapSuppression.selectAnchors(BOXES, SCORES, 0.3, 0.5, 100));
    assertEquals(List.of(), OverlapSuppression.selectAnchors(BOXES, SCORES, 0.95, 0.5, 100));
  }

  @Test
  void anchorIouOrdersSwappedCornersAndGivesZeroForEmptyBoxes() {
    float[] boxes = {0, 0, 10, 10, 10, 10, 0, 0, 5, 5, 5, 15};
    assertEquals(1.0, OverlapSuppression.anchorIou(boxes, 0, 1), 1e-12);
    assertEquals(0.0, OverlapSuppression.anchorIou(boxes, 0, 2), 1e-12);
    assertEquals(81.0 / 119, OverlapSuppression.anchorIou(BOXES, 0, 2), 1e-6);
  }

  @Test
  void keepsTheStrongestOfOverlappingBoxesAndAllSeparateOnes() {
    FaceBox strong = new FaceBox(0, 0, 10, 10, 9, View.FRONTAL);
    FaceBox weakOverlap = new FaceBox(1, 1, 10, 10, 3, View.PROFILE_LEFT); // IoU 81/119 = 0.68
    FaceBox separate = new FaceBox(50, 50, 10, 10, 1, View.PROFILE_RIGHT);
    assertEquals(
        List.of(strong, separate),
        OverlapSuppression.suppress(List.of(weakOverlap, separate, strong), 0.3));
  }

  @Test
  void keepsBothWhenOverlapIsBelowThreshold() {
    FaceBox a = new FaceBox(0, 0, 10, 10, 5, View.FRONTAL);
    FaceBox b = new FaceBox(8, 0, 10, 10, 4, View.FRONTAL); // IoU 20/180 = 0.11
    assertEquals(List.of(a, b), OverlapSuppression.suppress(List.of(b, a), 0.3));
    assertEquals(List.of(a), OverlapSuppression.suppress(List.of(b, a), 0.1));
  }

  @Test
  void prefersFrontalOnEqualScore() {
    FaceBox profile = new FaceBox(0, 0, 10, 10, 5, View.PROFILE_LEFT);
    FaceBox frontal = new FaceBox(0, 0, 10, 10, 5, View.FRONTAL);
    assertEquals(List.of(frontal), OverlapSuppression.suppress(List.of(profile, frontal), 0.3));
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertEquals(List.of(), OverlapSuppression.suppress(List.of(), 0.3));
  }
}
