package facegate.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.FaceBox;
import facegate.core.Liveness;
import facegate.core.RgbImage;
import facegate.core.SquareImageNetwork;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class NetworkLivenessDetectorTest {
  @Test
  void feedsTheEnlargedSquareCropAndReadsTheFirstOutputAsLive() {
    // face box 20 x 30 at (40, 30): centre (50, 45); 1.4 x 30 = 42 wide, so (29, 24) to (71, 66)
    FaceBox face = new FaceBox(40, 30, 20, 30, 1, FaceBox.View.FRONTAL);
    RgbImage image = new RgbImage(100, 100, new byte[100 * 100 * 3]);
    // pixel centres sit at integer coordinates, so crop pixel (0, 0) samples (29.5, 24.5)
    paint(image, 29, 24, 2, 255, 0, 0); // red around the region's top-left
    paint(image, 70, 65, 2, 0, 0, 255); // blue around its bottom-right
    AtomicReference<RgbImage> seen = new AtomicReference<>();
    Liveness liveness =
        new NetworkLivenessDetector(network(42, seen, 0.8f, 0.2f), 1.4).assess(image, face);
    assertEquals(0.8, liveness.score(), 1e-6);
    FaceBox region = liveness.region();
    assertEquals(29, region.x(), 1e-9);
    assertEquals(24, region.y(), 1e-9);
    assertEquals(42, region.width(), 1e-9);
    assertEquals(42, region.height(), 1e-9);
    RgbImage crop = seen.get();
    // one crop pixel per image pixel: the crop is the region itself
    assertEquals(42, crop.width());
    assertEquals(255, red(crop, 0, 0), "top-left is red");
    assertEquals(255, blue(crop, 41, 41), "bottom-right is blue");
    assertEquals(0, red(crop, 2, 2) + blue(crop, 2, 2) + red(crop, 39, 39) + blue(crop, 39, 39));
  }

  @Test
  void clampsTheOutputAndRejectsABadScale() {
    FaceBox face = new FaceBox(0, 0, 10, 10, 1, FaceBox.View.FRONTAL);
    RgbImage image = new RgbImage(10, 10, new byte[300]);
    AtomicReference<RgbImage> seen = new AtomicReference<>();
    assertEquals(
        1.0,
        new NetworkLivenessDetector(network(4, seen, 1.0000001f), 1).assess(image, face).score());
    assertThrows(
        IllegalArgumentException.class, () -> new NetworkLivenessDetector(network(4, seen, 0f), 0));
  }

  private static SquareImageNetwork network(
      int side, AtomicReference<RgbImage> seen, float... out) {
    return new SquareImageNetwork() {
      @Override
      public int inputSize() {
        return side;
      }

      @Override
      public float[] run(RgbImage square) {
        seen.set(square);
        return out.clone();
      }

      @Override
      public void close() {}
    };
  }

  private static void paint(RgbImage image, int x0, int y0, int size, int r, int g, int b) {
    for (int y = y0; y < y0 + size; y++) {
      for (int x = x0; x < x0 + size; x++) {
        int at = (y * image.width() + x) * 3;
        image.rgb()[at] = (byte) r;
        image.rgb()[at + 1] = (byte) g;
        image.rgb()[at + 2] = (byte) b;
      }
    }
  }

  private static int red(RgbImage image, int x, int y) {
    return image.rgb()[(y * image.width() + x) * 3] & 0xff;
  }

  private static int blue(RgbImage image, int x, int y) {
    return image.rgb()[(y * image.width() + x) * 3 + 2] & 0xff;
  }
}
