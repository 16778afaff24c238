package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.RgbImage;
import org.junit.jupiter.api.Test;

class MirrorTest {
  /** {@code width} x {@code height}: red is x, green is y (both below 256). */
  static RgbImage gradient(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        rgb[(y * width + x) * 3] = (byte) x;
        rgb[(y * width + x) * 3 + 1] = (byte) y;
      }
    }
    return new RgbImage(width, height, rgb);
  }

  private static RgbImage gradient() {
    return gradient(100, 10);
  }

  @Test
  void flipsHorizontally() {
    RgbImage flipped = Mirror.horizontal(gradient());
    assertEquals(100, flipped.width());
    assertEquals(99, flipped.channel(0, 3, 0));
    assertEquals(3, flipped.channel(0, 3, 1));
    assertEquals(0, flipped.channel(99, 3, 0));
    assertArrayEquals(gradient().rgb(), Mirror.horizontal(flipped).rgb());
  }
}
