package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Landmarks;
import java.util.List;
import org.junit.jupiter.api.Test;

class LandmarkErrorsTest {
  /** Fiducials of a face looking right: point i at (10 + i, 100 + 3i); face size sqrt(29*87). */
  private static CfpFiducials truth() {
    double[] xy = new double[60];
    for (int i = 0; i < 30; i++) {
      xy[2 * i] = 10 + i;
      xy[2 * i + 1] = 100 + 3 * i;
    }
    return new CfpFiducials(xy);
  }

  /** 68 landmarks that put every profile part exactly on {@link #truth()}'s, except as changed. */
  private static double[] matching() {
    double[] xy = new double[136];
    CfpFiducials t = truth();
    set(xy, t, 8, 8);
    set(xy, t, 27, 18);
    set(xy, t, 30, 21);
    set(xy, t, 33, 22);
    set(xy, t, 48, 25);
    for (int i = 36; i <= 41; i++) {
      set(xy, t, i, 12 + (i - 36));
    }
    int[] lips = {51, 62, 57, 66};
    for (int k = 0; k < 4; k++) {
      set(xy, t, lips[k], 26 + k);
    }
    return xy;
  }

  private static void set(double[] xy, CfpFiducials t, int landmark, int fiducial) {
    xy[2 * landmark] = t.x(fiducial);
    xy[2 * landmark + 1] = t.y(fiducial);
  }

  @Test
  void anErrorIsTheMeanPartDistanceOverTheFaceSize() {
    LandmarkErrors errors = new LandmarkErrors(45);
    assertEquals(0, errors.add("profile", truth(), new Landmarks(matching()), 80), 1e-12);
    double[] xy = matching();
    xy[2 * 30] += 7; // the nose tip 7 pixels off: one of 7 parts (no ear)
    double size = Math.sqrt(29.0 * 87.0);
    assertEquals(7 / size / 7, errors.add("profile", truth(), new Landmarks(xy), -10), 1e-12);
    errors.addMissing("profile");
    List<String> summary = errors.summary();
    assertTrue(
        summary.get(0).startsWith("pose=profile images=3 no-face=1 mean=0.0100"), summary.get(0));
    assertTrue(summary.get(0).endsWith("called-profile=0.5000 facing-agrees=0.5000"));
    assertTrue(
        summary.contains("pose=profile part=nose_tip mean=0.0697 median=0.0000"),
        summary.toString());
  }

  @Test
  void quantilesAreNearestRank() {
    double[] v = {1, 2, 3, 4};
    assertEquals(2, LandmarkErrors.quantile(v, 0.5));
    assertEquals(4, LandmarkErrors.quantile(v, 0.9));
    assertTrue(Double.isNaN(LandmarkErrors.quantile(new double[0], 0.5)));
  }
}
