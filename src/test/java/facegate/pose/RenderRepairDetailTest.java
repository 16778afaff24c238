package facegate.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RenderRepairDetailTest {
  private static RgbImage noise(int size, int low, int high, long seed) {
    Random random = new Random(seed);
    byte[] rgb = new byte[size * size * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) (low + random.nextInt(high - low + 1));
    }
    return new RgbImage(size, size, rgb);
  }

  @Test
  void aGeneratorThatChangesNothingLeavesTheFullSizeRenderAsItIs() {
    RgbImage render = noise(150, 0, 255, 1);
    RgbImage unchanged = FaceAligner.resampled(render, 64);

    assertArrayEquals(render.rgb(), RenderRepair.withDetail(render, unchanged).rgb());
  }

  @Test
  void theGeneratorsChangeIsAddedOnTopOfTheRendersDetail() {
    RgbImage render = noise(150, 60, 180, 2);
    RgbImage coarse = FaceAligner.resampled(render, 64);
    byte[] brighter = coarse.rgb().clone();
    for (int i = 0; i < brighter.length; i++) {
      brighter[i] = (byte) ((brighter[i] & 0xff) + 20);
    }

    RgbImage out = RenderRepair.withDetail(render, new RgbImage(64, 64, brighter));

    // away from the border, where resampling mixes in the black outside the image
    for (int y = 3; y < 147; y++) {
      for (int x = 3; x < 147; x++) {
        for (int c = 0; c < 3; c++) {
          assertEquals(render.channel(x, y, c) + 20, out.channel(x, y, c), 1.0, x + "," + y);
        }
      }
    }
  }

  @Test
  void valuesAreClampedNotWrappedAndNonSquareImagesRefused() {
    RgbImage render = noise(150, 230, 255, 3);
    byte[] white = new byte[64 * 64 * 3];
    java.util.Arrays.fill(white, (byte) 255);

    RgbImage out = RenderRepair.withDetail(render, new RgbImage(64, 64, white));

    int atWhite = 0;
    for (int y = 3; y < 147; y++) {
      for (int x = 3; x < 147; x++) {
        int value = out.channel(x, y, 0);
        assertTrue(value >= 200, "wrapped around at " + x + "," + y + ": " + value);
        atWhite += value == 255 ? 1 : 0;
      }
    }
    assertTrue(atWhite > 1000, "clamped pixels: " + atWhite);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RenderRepair.withDetail(
                new RgbImage(150, 100, new byte[150 * 100 * 3]), new RgbImage(64, 64, white)));
  }
}
