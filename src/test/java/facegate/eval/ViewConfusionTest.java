package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.FaceKeypoints;
import facegate.pose.KeypointYaw;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewConfusionTest {
  /** Ears at 40 and 60 (half distance 10), the nose {@code offset} right of their midpoint. */
  private static FaceKeypoints nose(double offset) {
    return new FaceKeypoints(
        new double[] {45, 40, 55, 40, 50 + offset, 50, 50, 60, 40, 45, 60, 45});
  }

  @Test
  void countsViewsPerLabelAndPeopleParity() {
    ViewConfusion confusion = new ViewConfusion();
    confusion.add(1, "frontal", nose(1), 0); // atan(1 / 10) = 5.7 degrees: frontal
    confusion.add(1, "profile", nose(-20), 80); // atan(-2) = -63.4: profile
    confusion.add(2, "profile", nose(5), 30); // atan(0.5) = 26.6: half
    confusion.add(2, "profile", null, Double.NaN); // no face
    List<String> lines = confusion.summary(new KeypointYaw(1));
    assertTrue(
        lines.contains(
            "keypoints even label=profile images=2 frontal=0 half=1 profile=0 unknown=1"
                + " as-labelled=0.0000 yaw-positive=1"),
        String.join("\n", lines));
    assertTrue(
        lines.contains(
            "keypoints all label=profile images=3 frontal=0 half=1 profile=1 unknown=1"
                + " as-labelled=0.3333 yaw-positive=1"),
        String.join("\n", lines));
    assertTrue(
        lines.contains(
            "68-point all label=profile images=3 frontal=0 half=1 profile=1 unknown=1"
                + " as-labelled=0.3333 yaw-positive=2"),
        String.join("\n", lines));
  }

  @Test
  void fitsTheSmallestConstantThatCallsOddPeopleByTheirLabel() {
    ViewConfusion confusion = new ViewConfusion();
    // offset 3 over half distance 10: frontal needs atan(0.3 / k) < 15 degrees, k > 1.1196
    confusion.add(1, "frontal", nose(3), 0);
    // offset 12: profile needs atan(1.2 / k) > 45 degrees, k < 1.2
    confusion.add(3, "profile", nose(12), 90);
    // even people do not count
    confusion.add(2, "frontal", nose(9), 0);
    assertEquals(1.12, confusion.fitOnOddPeople(), 1e-12);
  }
}
