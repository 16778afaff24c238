package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Landmarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PoseMathTest {

  @Test
  void jacobiFindsTheEigenvaluesOfASmallMatrix() {
    // [[2,1],[1,2]] has eigenvalues 3 (vector (1,1)/sqrt2) and 1.
    SymmetricEigen eigen = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
    assertEquals(3, eigen.values[0], 1e-12);
    assertEquals(1, eigen.values[1], 1e-12);
    assertEquals(Math.abs(eigen.vectors[0][0]), Math.abs(eigen.vectors[0][1]), 1e-12);
  }

  @Test
  void bucketsFollowTheYawLimits() {
    assertEquals(PoseBucket.FRONTAL, PoseBucket.of(-14.9));
    assertEquals(PoseBucket.HALF_RIGHT, PoseBucket.of(15));
    assertEquals(PoseBucket.HALF_LEFT, PoseBucket.of(-45));
    assertEquals(PoseBucket.PROFILE_LEFT, PoseBucket.of(-45.1));
    assertEquals(PoseBucket.PROFILE_RIGHT, PoseBucket.of(80));
    assertEquals(PoseBucket.HALF_LEFT, PoseBucket.fromLabel("half-left"));
  }

  @Test
  void estimatorRecoversTheYawOfTheGenericFaceProjectedAtKnownPoses() {
    HeadPoseEstimator estimator = HeadPoseEstimator.shipped();
    for (double yaw : new double[] {-60, -30, 0, 20, 45}) {
      for (double pitch : new double[] {-10, 0, 15}) {
        HeadPose pose = estimator.estimate(project(estimator.face(), yaw, pitch, 5, 1.0));
        assertEquals(yaw, pose.yawDegrees(), 1.0, "yaw " + yaw + " pitch " + pitch);
        assertEquals(pitch, pose.pitchDegrees(), 1.0, "pitch at yaw " + yaw);
        assertEquals(5, pose.rollDegrees(), 1.0, "roll at yaw " + yaw);
        assertTrue(
            pose.reprojectionPixels() < 3,
            "a projection with another focal length fits within 3 px of a 440 px face: " + pose);
      }
    }
  }

  @Test
  void mirroredLandmarksGiveTheOppositeYaw() {
    HeadPoseEstimator estimator = HeadPoseEstimator.shipped();
    Landmarks turned = project(estimator.face(), 35, 5, 0, 1.0);
    assertEquals(
        -estimator.estimate(turned).yawDegrees(),
        estimator.estimate(LandmarkSymmetry.mirrored(turned, 501)).yawDegrees(),
        0.5);
  }

  @Test
  void mirroringSwapsLeftAndRightPointsAndTwiceIsTheIdentity() {
    double[] xy = new double[136];
    for (int i = 0; i < 136; i++) {
      xy[i] = i * 0.75 + 3;
    }
    Landmarks landmarks = new Landmarks(xy);
    Landmarks once = LandmarkSymmetry.mirrored(landmarks, 150);
    // outer eye corners 36 <-> 45, mouth corners 48 <-> 54, jaw 0 <-> 16, nose tip 30 stays
    int[][] pairs = {{36, 45}, {48, 54}, {0, 16}, {30, 30}};
    for (int[] p : pairs) {
      assertEquals(149 - landmarks.x(p[0]), once.x(p[1]), 1e-12);
      assertEquals(landmarks.y(p[0]), once.y(p[1]), 1e-12);
    }
    Landmarks twice = LandmarkSymmetry.mirrored(once, 150);
    for (int i = 0; i < 68; i++) {
      assertEquals(landmarks.x(i), twice.x(i), 1e-12);
      assertEquals(landmarks.y(i), twice.y(i), 1e-12);
    }
  }

  @Test
  void factorisationRecoversADepthShapeFromItsViews() {
    GenericFace3d truth = GenericFace3d.shipped();
    Random random = new Random(7);
    List<Landmarks> views = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double yaw = random.nextGaussian() * 30;
      double pitch = random.nextGaussian() * 10;
      double roll = random.nextGaussian() * 8;
      views.add(project(truth, yaw, pitch, roll, 0.5 + random.nextDouble()));
    }
    GenericFace3d derived = MeanShapeFactorization.derive(views);
    double[] tz = truth.z();
    double[] dz = derived.z();
    double[] tx = truth.x();
    double[] dx = derived.x();
    for (int i = 0; i < 68; i++) {
      assertEquals(tx[i], dx[i], 2.5, "x of point " + i);
      assertEquals(tz[i], dz[i], 3.0, "z of point " + i);
    }
  }

  /** The face rotated by yaw, pitch, roll (degrees), projected orthographically, at 3 px/mm. */
  static Landmarks project(GenericFace3d face, double yaw, double pitch, double roll, double zoom) {
    double[][] r = FaceRotation.matrix(yaw, pitch, roll);
    double[] x = face.x();
    double[] y = face.y();
    double[] z = face.z();
    double[] xy = new double[136];
    double distance = 8 * 150; // as the estimator assumes: focal 8 face widths
    for (int i = 0; i < 68; i++) {
      double cx = r[0][0] * x[i] + r[0][1] * y[i] + r[0][2] * z[i];
      double cy = r[1][0] * x[i] + r[1][1] * y[i] + r[1][2] * z[i];
      double cz = r[2][0] * x[i] + r[2][1] * y[i] + r[2][2] * z[i] + distance;
      xy[2 * i] = 250 + 3 * zoom * cx * distance / cz;
      xy[2 * i + 1] = 250 + 3 * zoom * cy * distance / cz;
    }
    return new Landmarks(xy);
  }
}
