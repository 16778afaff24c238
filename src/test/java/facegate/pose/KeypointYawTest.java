package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.AlignedFace;
import facegate.core.FaceBox;
import facegate.core.FaceKeypoints;
import facegate.core.RgbImage;
import org.junit.jupiter.api.Test;

class KeypointYawTest {
  /** Keypoints with eyes and mouth fixed, the nose and the ears where given. */
  private static FaceKeypoints keypoints(double noseX, double rightEarX, double leftEarX) {
    return new FaceKeypoints(
        new double[] {40, 40, 60, 40, noseX, 55, 50, 70, rightEarX, 45, leftEarX, 45});
  }

  @Test
  void noseMidwayBetweenTheEarsIsFrontal() {
    assertEquals(0, new KeypointYaw(1.15).yawDegrees(keypoints(50, 30, 70)), 1e-12);
  }

  @Test
  void offsetOverHalfDistanceGivesTheArcTangent() {
    // offset 5, half distance 10: atan(5 / (1 * 10)) = 26.5651 degrees; k = 1.15: atan(5 / 11.5)
    assertEquals(26.5651, new KeypointYaw(1).yawDegrees(keypoints(55, 40, 60)), 1e-4);
    assertEquals(23.4986, new KeypointYaw(1.15).yawDegrees(keypoints(55, 40, 60)), 1e-4);
    assertEquals(-23.4986, new KeypointYaw(1.15).yawDegrees(keypoints(45, 40, 60)), 1e-4);
  }

  @Test
  void coincidingEarsAreAProfileOnTheNoseSide() {
    assertEquals(90, new KeypointYaw(1.15).yawDegrees(keypoints(80, 50, 50)), 1e-12);
    assertEquals(-90, new KeypointYaw(1.15).yawDegrees(keypoints(20, 50, 50)), 1e-12);
    // swapped ears (turned beyond the profile) keep the nose's side
    assertEquals(45, new KeypointYaw(1).yawDegrees(keypoints(60, 60, 40)), 1e-9);
  }

  @Test
  void rejectsANonPositiveConstant() {
    assertThrows(IllegalArgumentException.class, () -> new KeypointYaw(0));
    assertThrows(IllegalArgumentException.class, () -> new KeypointYaw(Double.NaN));
  }

  @Test
  void viewsFollowTheYawBuckets() {
    assertEquals("frontal", new FaceView(14.9).view());
    assertEquals("half", new FaceView(-15).view());
    assertEquals("half", new FaceView(30).view());
    assertEquals("profile", new FaceView(-60).view());
    assertEquals("unknown", FaceView.UNKNOWN.view());
    assertEquals(-23.5, new FaceView(-23.4986).roundedYawDegrees());
    assertEquals(null, FaceView.UNKNOWN.roundedYawDegrees());
    assertFalse(FaceView.UNKNOWN.known());
    assertThrows(IllegalArgumentException.class, () -> new FaceView(Double.POSITIVE_INFINITY));
  }

  @Test
  void estimatorUsesKeypointsAndKnowsNothingOfAPlainCrop() {
    RgbImage chip = new RgbImage(2, 2, new byte[12]);
    FaceBox withKeypoints = new FaceBox(0, 0, 100, 100, 1, FaceBox.View.ANY, keypoints(80, 50, 50));
    FaceBox plain = new FaceBox(0, 0, 100, 100, 1, FaceBox.View.ANY);
    ViewEstimator estimator = ViewEstimator.shipped();
    FaceView profile = estimator.estimate(new AlignedFace(chip, withKeypoints, null, true));
    assertEquals("profile", profile.view());
    assertEquals(90, profile.yawDegrees(), 1e-12);
    assertEquals(FaceView.UNKNOWN, estimator.estimate(new AlignedFace(chip, plain, null, true)));
  }
}
