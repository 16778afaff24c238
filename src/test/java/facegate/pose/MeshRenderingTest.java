package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 3D renderer's drawing on synthetic faces: coverage, self-occlusion, the backdrop. */
class MeshRenderingTest {
  private static final HeadPoseEstimator ESTIMATOR = HeadPoseEstimator.shipped();
  private static final FaceRenderer3d RENDERER = new FaceRenderer3d(ESTIMATOR, List.of());
  private static final int SIZE = 150;

  @Test
  void aUniformPhotoTurnedAnywhereStaysUniform() {
    // No black wedges, no uncovered pixels, no seam: every pixel of every view is drawn from the
    // photo, so a photo of one colour gives views of that colour.
    RgbImage grey = uniform(SIZE, 90, 120, 150);
    Landmarks landmarks = chipLandmarks(0);
    for (double yaw : new double[] {-90, -60, -30, 0, 30, 60, 90}) {
      FaceRenderer3d.View view = RENDERER.render(grey, landmarks, yaw);
      for (RgbImage image : List.of(view.image(), view.alignedChip())) {
        assertEquals(SIZE, image.width());
        for (int i = 0; i < image.rgb().length; i += 3) {
          int r = image.rgb()[i] & 0xff;
          int g = image.rgb()[i + 1] & 0xff;
          int b = image.rgb()[i + 2] & 0xff;
          assertTrue(
              Math.abs(r - 90) <= 1 && Math.abs(g - 120) <= 1 && Math.abs(b - 150) <= 1,
              "pixel " + i / 3 + " at yaw " + yaw + " is " + r + "," + g + "," + b);
        }
      }
    }
  }

  @Test
  void theSideTurningAwayIsHiddenByTheSideTurningTowardsTheCamera() {
    // Paint the face's image-left half red and its image-right half blue (split at the nose). A
    // positive yaw turns the nose towards the image's right: the blue half turns away and the
    // z-buffer must let the red half and the nose cover it; a negative yaw the other way round.
    Landmarks landmarks = chipLandmarks(0);
    double noseX = landmarks.x(30);
    RgbImage halves = halves(SIZE, noseX, landmarks);
    for (double yaw : new double[] {60, -60, 90, -90}) {
      RgbImage view = RENDERER.render(halves, landmarks, yaw).image();
      int red = 0;
      int blue = 0;
      for (int i = 0; i < view.rgb().length; i += 3) {
        red += (view.rgb()[i] & 0xff) > 200 ? 1 : 0;
        blue += (view.rgb()[i + 2] & 0xff) > 200 ? 1 : 0;
      }
      int near = yaw > 0 ? red : blue;
      int far = yaw > 0 ? blue : red;
      double ratio = Math.abs(yaw) == 90 ? 4 : 1.5;
      assertTrue(near > ratio * far, "yaw " + yaw + ": near side " + near + ", far " + far);
    }
    // Unturned, both halves show about equally.
    RgbImage still = RENDERER.render(halves, landmarks, 0).image();
    assertEquals(0, RotateAndRenderTest.meanAbsoluteDifference(halves, still), 1.5);
  }

  @Test
  void aProfileViewIsFramedAsThePipelineFramesRealProfiles() {
    // Real CFP profiles in the pipeline's chips (nose to the right): nose tip near (95, 78), eye
    // near (54, 44), chin near (66, 145), the top of the jaw outside the chip. The frontal
    // alignment alone put the nose at 88 and the eye at 68 (a face a third as deep, at the front
    // of the chip).
    for (double yaw : new double[] {90, -90}) {
      Landmarks chip =
          RENDERER.render(uniform(SIZE, 90, 120, 150), chipLandmarks(0), yaw).chipLandmarks();
      double eyeX = 0;
      for (int i = yaw > 0 ? 36 : 42; i < (yaw > 0 ? 42 : 48); i++) {
        eyeX += chip.x(i) / 6;
      }
      double nose = yaw > 0 ? chip.x(30) : SIZE - chip.x(30);
      double eye = yaw > 0 ? eyeX : SIZE - eyeX;
      double jaw = yaw > 0 ? chip.x(0) : SIZE - chip.x(16);
      assertEquals(95, nose, 8, "nose at yaw " + yaw);
      assertEquals(54, eye, 8, "eye at yaw " + yaw);
      assertEquals(145, chip.y(8), 8, "chin at yaw " + yaw);
      assertTrue(jaw < 0, "top of the jaw inside the chip at yaw " + yaw + ": " + jaw);
    }
  }

  @Test
  void aProfileViewFillsTheChipAndAHalfTurnKeepsTheFrontalAlignment() {
    // The face (red inside the jaw-and-brow box, grey around) turned to 90° covers a large,
    // central part of the chip, not a sliver at its edge.
    Landmarks landmarks = chipLandmarks(0);
    RgbImage face = halves(SIZE, SIZE, landmarks);
    for (double yaw : new double[] {90, -90}) {
      RgbImage chip = RENDERER.render(face, landmarks, yaw).alignedChip();
      int minX = SIZE, maxX = -1, minY = SIZE, maxY = -1, red = 0;
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          if (chip.channel(x, y, 0) > 200) {
            red++;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
          }
        }
      }
      String where = "yaw " + yaw + ": box " + minX + ".." + maxX + " x " + minY + ".." + maxY;
      assertTrue(red > 0.3 * SIZE * SIZE, where + ", red " + red);
      assertTrue(maxX - minX > 0.6 * SIZE && maxY - minY > 0.75 * SIZE, where);
      assertEquals(SIZE / 2.0, (minX + maxX) / 2.0, 0.2 * SIZE, where);
    }
    // Below 75° the chip is framed as the frontal alignment frames the turned landmarks.
    for (double yaw : new double[] {30, -60}) {
      FaceRenderer3d.View view = RENDERER.render(face, landmarks, yaw);
      Landmarks aligned =
          new facegate.vision.FaceAligner(SIZE, 0.25).chipLandmarks(view.landmarks());
      for (int i = 0; i < Landmarks.COUNT; i++) {
        assertEquals(aligned.x(i), view.chipLandmarks().x(i), 1e-6);
        assertEquals(aligned.y(i), view.chipLandmarks().y(i), 1e-6);
      }
    }
  }

  /** Red and blue halves inside the face's box (jaw ends to chin, brows up), grey around. */
  private static RgbImage halves(int size, double splitX, Landmarks face) {
    byte[] rgb = new byte[size * size * 3];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = (y * size + x) * 3;
        boolean inside = x > face.x(0) && x < face.x(16) && y > face.y(19) - 10 && y < face.y(8);
        rgb[i] = (byte) (!inside ? 100 : x < splitX ? 255 : 0);
        rgb[i + 2] = (byte) (!inside ? 100 : x < splitX ? 0 : 255);
        rgb[i + 1] = (byte) (!inside ? 100 : 40);
      }
    }
    return new RgbImage(size, size, rgb);
  }

  /** The generic face's landmarks seen at {@code yaw}, in a 150 px chip. */
  static Landmarks chipLandmarks(double yaw) {
    Landmarks big = PoseMathTest.project(ESTIMATOR.face(), yaw, 0, 0, 1.0);
    double[] xy = new double[136];
    for (int i = 0; i < 68; i++) {
      xy[2 * i] = SIZE / 2.0 + (big.x(i) - 250) * 0.2;
      xy[2 * i + 1] = SIZE * 0.55 + (big.y(i) - 250) * 0.2;
    }
    return new Landmarks(xy);
  }

  static RgbImage uniform(int size, int r, int g, int b) {
    byte[] rgb = new byte[size * size * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) r;
      rgb[i + 1] = (byte) g;
      rgb[i + 2] = (byte) b;
    }
    return new RgbImage(size, size, rgb);
  }
}
