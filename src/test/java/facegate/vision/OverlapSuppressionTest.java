package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.FaceBox;
import facegate.core.FaceBox.View;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapSuppressionTest {
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
