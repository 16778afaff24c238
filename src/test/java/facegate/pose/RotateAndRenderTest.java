package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RotateAndRenderTest {

  @Test
  void aMeshTurnedByThetaAndBackReturnsToItself() {
    Random random = new Random(7);
    double[][] model = new double[120][];
    double[][] pixels = new double[120][2];
    for (int i = 0; i < model.length; i++) {
      model[i] =
          new double[] {
            random.nextDouble() * 160 - 80,
            random.nextDouble() * 200 - 100,
            random.nextDouble() * 90
          };
    }
    MeshPlacement placement = new MeshPlacement(pixels, model, 0.37, 31.5, 29.25);
    double[][] source = FaceRotation.matrix(10, -5, 3);
    double[][] seen = placement.project(source);
    for (double theta : new double[] {30, -30, 60, -60, 90, -90}) {
      double[][] target = FaceRotation.matrix(10 + theta, -5, 3);
      double[][] turned = placement.project(target);
      double[][] back = RotateAndRender.turnedAndBack(placement, source, target);
      double moved = 0;
      for (int i = 0; i < model.length; i++) {
        assertEquals(seen[i][0], back[i][0], 1e-6, "x of vertex " + i + " at theta " + theta);
        assertEquals(seen[i][1], back[i][1], 1e-6, "y of vertex " + i + " at theta " + theta);
        assertEquals(seen[i][2], back[i][2], 1e-6, "depth of vertex " + i);
        moved = Math.max(moved, Math.abs(turned[i][0] - seen[i][0]));
      }
      assertTrue(moved > 5, "the turned view really moved the vertices: " + moved);
    }
  }

  @Test
  void backRenderingKeepsTheFaceAtItsOwnYawAndDamagesItAfterALargeTurn() {
    HeadPoseEstimator estimator = HeadPoseEstimator.shipped();
    Landmarks landmarks = chipLandmarks(estimator.face());
    RgbImage image = texture(64);
    RotateAndRender rr = new RotateAndRender(new FaceRenderer3d(estimator, java.util.List.of()));
    double ownYaw = estimator.estimate(landmarks).yawDegrees();
    RotateAndRender.Pair still = rr.pair(image, landmarks, ownYaw);
    RotateAndRender.Pair turned = rr.pair(image, landmarks, ownYaw + 70);
    assertEquals(image, still.original());
    assertEquals(64, turned.backRendered().width());
    double stillError = meanAbsoluteDifference(image, still.backRendered());
    double turnedError = meanAbsoluteDifference(image, turned.backRendered());
    assertTrue(stillError < 4, "no turn, little change: " + stillError);
    assertTrue(meanAbsoluteDifference(image, turned.turned()) > 5, "the turned view differs");
    assertTrue(turnedError > 2 * stillError + 1, turnedError + " vs " + stillError);
  }

  /** The generic face's landmarks seen frontally, in a 64 px chip. */
  private static Landmarks chipLandmarks(GenericFace3d face) {
    Landmarks big = PoseMathTest.project(face, 0, 0, 0, 1.0);
    double[] xy = new double[136];
    for (int i = 0; i < 68; i++) {
      xy[2 * i] = 32 + (big.x(i) - 250) * 0.09;
      xy[2 * i + 1] = 34 + (big.y(i) - 250) * 0.09;
    }
    return new Landmarks(xy);
  }

  /** A texture that differs everywhere: stripes and a diagonal ramp. */
  private static RgbImage texture(int size) {
    byte[] rgb = new byte[size * size * 3];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = (y * size + x) * 3;
        rgb[i] = (byte) (x * 4);
        rgb[i + 1] = (byte) (y * 4);
        rgb[i + 2] = (byte) ((x / 4 + y / 4) % 2 == 0 ? 40 : 220);
      }
    }
    return new RgbImage(size, size, rgb);
  }

  static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
    long sum = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      sum += Math.abs((a.rgb()[i] & 0xff) - (b.rgb()[i] & 0xff));
    }
    return sum / (double) a.rgb().length;
  }
}
