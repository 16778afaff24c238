package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeshYawTest {
  private static final double[] YAWS = {-85, -60, -30, -5, 0, 5, 30, 60, 85};

  /**
   * 468 points of a rough head (x right, y down, z away from the camera): a front half-ellipsoid,
   * the nose tip (point 1) in front, the outer eye corners at x = -/+ 40 level with each other.
   */
  private static double[] head() {
    Random random = new Random(7);
    double[] points = new double[MeshYaw.POINTS * 3];
    for (int i = 0; i < MeshYaw.POINTS; i++) {
      double u = random.nextDouble() * Math.PI - Math.PI / 2;
      double v = random.nextDouble() * Math.PI - Math.PI / 2;
      points[i * 3] = 70 * Math.sin(u) * Math.cos(v);
      points[i * 3 + 1] = 90 * Math.sin(v);
      points[i * 3 + 2] = -50 * Math.cos(u) * Math.cos(v);
    }
    set(points, 1, 0, 10, -70);
    set(points, MeshYaw.RIGHT_EYE_OUTER, -40, -20, -25);
    set(points, MeshYaw.LEFT_EYE_OUTER, 40, -20, -25);
    return points;
  }

  private static void set(double[] points, int index, double x, double y, double z) {
    points[index * 3] = x;
    points[index * 3 + 1] = y;
    points[index * 3 + 2] = z;
  }

  /**
   * {@code points} turned by {@code yawDegrees} about the vertical axis (nose towards +x for a
   * positive yaw), pitched by {@code pitchDegrees}, scaled, moved and jittered, as float32.
   */
  private static float[] turned(
      double[] points, double yawDegrees, double pitchDegrees, double noise, long seed) {
    double a = Math.toRadians(yawDegrees);
    double b = Math.toRadians(pitchDegrees);
    Random random = new Random(seed);
    float[] out = new float[points.length];
    for (int i = 0; i < points.length; i += 3) {
      double x = points[i];
      double y = points[i + 1];
      double z = points[i + 2];
      double y1 = y * Math.cos(b) - z * Math.sin(b);
      double z1 = y * Math.sin(b) + z * Math.cos(b);
      double x2 = x * Math.cos(a) - z1 * Math.sin(a);
      double z2 = x * Math.sin(a) + z1 * Math.cos(a);
      out[i] = (float) (0.8 * x2 + 96 + noise * random.nextGaussian());
      out[i + 1] = (float) (0.8 * y1 + 100 + noise * random.nextGaussian());
      out[i + 2] = (float) (0.8 * z2 + 3 + noise * random.nextGaussian());
    }
    return out;
  }

  @Test
  void eyeCornersReadTheYawBackWithItsSign() {
    for (double yaw : YAWS) {
      assertEquals(yaw, MeshYaw.eyeCornerYawDegrees(turned(head(), yaw, 0, 0, 1)), 1e-3, "" + yaw);
    }
  }

  @Test
  void rotationFitReadsTheYawBackDespitePitchScaleAndNoise() {
    MeshYaw fit = MeshYaw.fittedTo(head());
    for (double yaw : YAWS) {
      assertEquals(yaw, fit.yawDegrees(turned(head(), yaw, 0, 0, 1)), 1e-3, "" + yaw);
      assertEquals(yaw, fit.yawDegrees(turned(head(), yaw, 15, 1.0, 2)), 1.0, "pitched " + yaw);
    }
  }

  @Test
  void positiveWhenTheNosePointsToTheImagesRightEdge() {
    float[] points = turned(head(), 30, 0, 0, 1);
    double noseX = points[3];
    double eyesMiddleX =
        (points[MeshYaw.RIGHT_EYE_OUTER * 3] + points[MeshYaw.LEFT_EYE_OUTER * 3]) / 2;
    assertTrue(noseX > eyesMiddleX, "the nose moved right");
    assertTrue(MeshYaw.eyeCornerYawDegrees(points) > 0);
    assertTrue(MeshYaw.fittedTo(head()).yawDegrees(points) > 0);
  }

  @Test
  void theShippedCanonicalMeshReadsItselfAsFrontal() throws java.io.IOException {
    double[] canonical;
    try (java.io.InputStream in = MeshYaw.class.getResourceAsStream(MeshYaw.CANONICAL_RESOURCE)) {
      canonical =
          MeshYaw.parse(
              List.of(
                  new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                      .split("\n")));
    }
    float[] asFloats = new float[canonical.length];
    for (int i = 0; i < canonical.length; i++) {
      asFloats[i] = (float) canonical[i];
    }
    assertEquals(0, MeshYaw.shipped().yawDegrees(asFloats), 1e-3);
    assertEquals(0, MeshYaw.eyeCornerYawDegrees(asFloats), 1e-3);
    assertEquals(40, MeshYaw.shipped().yawDegrees(turned(canonical, 40, 0, 0, 1)), 1e-3);
  }

  @Test
  void rejectsAMeshOfTheWrongSize() {
    assertThrows(IllegalArgumentException.class, () -> MeshYaw.eyeCornerYawDegrees(new float[9]));
    assertThrows(IllegalArgumentException.class, () -> MeshYaw.fittedTo(new double[9]));
    assertThrows(IllegalArgumentException.class, () -> MeshYaw.parse(List.of("0 1 2 3")));
  }
}
