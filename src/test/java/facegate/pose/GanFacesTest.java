package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GanFacesTest {
  private static final HeadPoseEstimator POSES = HeadPoseEstimator.shipped();
  private static final int HALF_RIGHT = PoseBucket.HALF_RIGHT.ordinal();
  private static final int HALF_LEFT = PoseBucket.HALF_LEFT.ordinal();
  private static final int FRONTAL = PoseBucket.FRONTAL.ordinal();

  private static RgbImage chip(int value) {
    byte[] rgb = new byte[32 * 32 * 3];
    java.util.Arrays.fill(rgb, (byte) value);
    return new RgbImage(32, 32, rgb);
  }

  /** Landmarks of the generic face turned so that the estimator reads {@code bucket}. */
  private static Landmarks turned(PoseBucket bucket) {
    for (double yaw = -80; yaw <= 80; yaw += 5) {
      Landmarks landmarks = PoseMathTest.project(POSES.face(), yaw, 0, 0, 1.0);
      if (POSES.estimate(landmarks).bucket() == bucket) {
        return landmarks;
      }
    }
    throw new AssertionError("no yaw gives " + bucket);
  }

  @Test
  void labelsByEstimatedYawAndDrawsDomainsEvenlyWithMirrors() {
    List<RgbImage> chips = new ArrayList<>();
    List<Landmarks> landmarks = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      chips.add(chip(i));
      landmarks.add(turned(PoseBucket.FRONTAL));
    }
    chips.add(chip(100));
    landmarks.add(turned(PoseBucket.HALF_RIGHT));
    GanFaces faces = new GanFaces(chips, landmarks, 16, POSES);
    assertArrayEquals(new int[] {0, 0, 9, 1, 0}, faces.countsPerDomain());

    int[] drawn = new int[PoseBucket.values().length];
    for (GanFaces.Draw draw : faces.draw(6000, new Random(5))) {
      drawn[draw.domain()]++;
      assertEquals(16, draw.chip().width(), "resampled to the GAN's size");
      if (draw.domain() != FRONTAL) {
        // the one half-turned face: as itself it is half-right, mirrored half-left
        assertEquals((byte) 100, draw.chip().rgb()[0]);
        assertEquals(draw.domain() == HALF_LEFT, draw.flipped());
      }
    }
    for (int domain : new int[] {HALF_LEFT, FRONTAL, HALF_RIGHT}) {
      assertTrue(Math.abs(drawn[domain] - 2000) < 150, "about a third each: " + drawn[domain]);
    }
    assertEquals(6000, drawn[HALF_LEFT] + drawn[FRONTAL] + drawn[HALF_RIGHT]);
  }

  @Test
  void frontalFacesAloneCannotTeachATurn() {
    List<RgbImage> chips = List.of(chip(1), chip(2));
    List<Landmarks> landmarks = List.of(turned(PoseBucket.FRONTAL), turned(PoseBucket.FRONTAL));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new GanFaces(chips, landmarks, 16, POSES));
    assertTrue(e.getMessage().contains("fewer than two pose domains"), e.getMessage());
  }
}
