package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaximumSuppressionTest {
  // (ymin, xmin, ymax, xmax); IoUs with box 0 worked out by hand below.
  private static final float[] BOXES = {
    0, 0, 10, 10, // 0: score 0.9
    0, 5, 10, 15, // 1: 0.8, IoU with 0 = 50 / 150 = 0.33
    1, 1, 11, 11, // 2: 0.85, IoU with 0 = 81 / 119 = 0.68
    20, 20, 30, 30, // 3: 0.4, below the minimum score
    0, 2, 10, 12 // 4: 0.7, IoU with 0 = 80 / 120 = 0.67
  };
  private static final float[] SCORES = {0.9f, 0.8f, 0.85f, 0.4f, 0.7f};

  @Test
  void keepsTheStrongestOfEachOverlappingGroup() {
    assertEquals(List.of(0, 1), NonMaximumSuppression.select(BOXES, SCORES, 0.5, 0.5, 100));
  }

  @Test
  void aLooserThresholdKeepsMoreInScoreOrder() {
    // At 0.7: 2 (0.68 with 0) stays; 4 has 0.67 with 0, 0.68 with 2, 70 / 130 = 0.54 with 1.
    assertEquals(List.of(0, 2, 1, 4), NonMaximumSuppression.select(BOXES, SCORES, 0.5, 0.7, 100));
  }

  @Test
  void stopsAtMaxResultsAndHonoursTheMinimumScore() {
    assertEquals(List.of(0), NonMaximumSuppression.select(BOXES, SCORES, 0.5, 0.5, 1));
    assertEquals(List.of(0, 1, 3), NonMaximumSuppression.select(BOXES, SCORES, 0.3, 0.5, 100));
    assertEquals(List.of(), NonMaximumSuppression.select(BOXES, SCORES, 0.95, 0.5, 100));
  }

  @Test
  void iouOrdersSwappedCornersAndGivesZeroForEmptyBoxes() {
    float[] boxes = {0, 0, 10, 10, 10, 10, 0, 0, 5, 5, 5, 15};
    assertEquals(1.0, NonMaximumSuppression.iou(boxes, 0, 1), 1e-12);
    assertEquals(0.0, NonMaximumSuppression.iou(boxes, 0, 2), 1e-12);
    assertEquals(81.0 / 119, NonMaximumSuppression.iou(BOXES, 0, 2), 1e-6);
  }
}
