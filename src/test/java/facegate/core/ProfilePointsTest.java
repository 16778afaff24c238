package facegate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.ProfilePoints.Part;
import facegate.core.ProfilePoints.Point;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfilePointsTest {
  /** Landmark i at (i, 1000 + 2i): each point says which one it is. */
  private static Landmarks numbered() {
    double[] xy = new double[136];
    for (int i = 0; i < 68; i++) {
      xy[2 * i] = i;
      xy[2 * i + 1] = 1000 + 2 * i;
    }
    return new Landmarks(xy);
  }

  @Test
  void aFaceLookingRightShowsThePersonsRightEyeAndMouthCorner() {
    ProfilePoints p = ProfilePoints.fromLandmarks(numbered(), true);
    assertEquals(new Point(38.5, 1077), p.get(Part.EYE), "mean of 36-41");
    assertEquals(new Point(48, 1096), p.get(Part.MOUTH_CORNER));
    assertEquals(new Point(27, 1054), p.get(Part.NASION));
    assertEquals(new Point(30, 1060), p.get(Part.NOSE_TIP));
    assertEquals(new Point(33, 1066), p.get(Part.SUBNASALE));
    assertEquals(new Point(59, 1118), p.get(Part.MOUTH_CENTRE), "mean of 51, 57, 62, 66");
    assertEquals(new Point(8, 1016), p.get(Part.CHIN));
    assertNull(p.get(Part.EAR), "the 68 points have no ear");
  }

  @Test
  void aFaceLookingLeftShowsTheLeftOnes() {
    ProfilePoints p = ProfilePoints.fromLandmarks(numbered(), false);
    assertEquals(new Point(44.5, 1089), p.get(Part.EYE), "mean of 42-47");
    assertEquals(new Point(54, 1108), p.get(Part.MOUTH_CORNER));
    assertEquals(false, p.facingRight());
  }

  @Test
  void keypointsGiveTheVisibleSidesEyeAndEar() {
    // keypoint k at (10k, 100 + k): right eye, left eye, nose tip, mouth, right ear, left ear
    double[] xy = new double[12];
    for (int k = 0; k < 6; k++) {
      xy[2 * k] = 10 * k;
      xy[2 * k + 1] = 100 + k;
    }
    FaceKeypoints keypoints = new FaceKeypoints(xy);
    ProfilePoints right = ProfilePoints.fromKeypoints(keypoints, true);
    assertEquals(new Point(0, 100), right.get(Part.EYE));
    assertEquals(new Point(40, 104), right.get(Part.EAR));
    assertEquals(new Point(20, 102), right.get(Part.NOSE_TIP));
    assertEquals(new Point(30, 103), right.get(Part.MOUTH_CENTRE));
    assertNull(right.get(Part.CHIN));
    ProfilePoints left = ProfilePoints.fromKeypoints(keypoints, false);
    assertEquals(new Point(10, 101), left.get(Part.EYE));
    assertEquals(new Point(50, 105), left.get(Part.EAR));
  }

  @Test
  void fewerThanTwoPointsOrANonFiniteOneFail() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ProfilePoints(true, Map.of(Part.EYE, new Point(1, 2))));
    assertThrows(IllegalArgumentException.class, () -> new Point(Double.NaN, 0));
  }
}
