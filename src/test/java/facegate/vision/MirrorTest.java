package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.RgbImage;
import org.junit.jupiter.api.Test;

class MirrorTest {
  /** 100x10: red is x, green is y. */
  private static RgbImage gradient() {
    byte[] rgb = new byte[100 * 10 * 3];
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 100; x++) {
        rgb[(y * 100 + x) * 3] = (byte) x;
        rgb[(y * 100 + x) * 3 + 1] = (byte) y;
      }
    }
    return new RgbImage(100, 10, rgb);
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
