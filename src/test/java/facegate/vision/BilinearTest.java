package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BilinearTest {
  /** The textbook formula, every neighbour read through a bounds check (outside is black). */
  private static int reference(RgbImage image, double x, double y, int c) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    double top = (1 - fx) * at(image, x0, y0, c) + fx * at(image, x0 + 1, y0, c);
    double bottom = (1 - fx) * at(image, x0, y0 + 1, c) + fx * at(image, x0 + 1, y0 + 1, c);
    return (int) Math.max(0, Math.min(255, Math.round((1 - fy) * top + fy * bottom)));
  }

  private static int at(RgbImage image, int x, int y, int c) {
    boolean inside = x >= 0 && y >= 0 && x < image.width() && y < image.height();
    return inside ? image.channel(x, y, c) : 0;
  }

  @Test
  void matchesTheFormulaInsideAtTheEdgesAndOutside() {
    Random random = new Random(3);
    byte[] rgb = new byte[7 * 5 * 3];
    random.nextBytes(rgb);
    RgbImage image = new RgbImage(7, 5, rgb);
    byte[] out = new byte[3];
    for (int i = 0; i < 5000; i++) {
      double x = -2 + random.nextDouble() * 11;
      double y = -2 + random.nextDouble() * 9;
      Bilinear.sample(image, x, y, out, 0);
      for (int c = 0; c < 3; c++) {
        assertEquals(reference(image, x, y, c), out[c] & 0xff, "at " + x + "," + y + " c" + c);
      }
    }
  }

  @Test
  void halfwayBetweenTwoPixelsIsTheirMean() {
    RgbImage image = new RgbImage(2, 1, new byte[] {10, 20, 30, (byte) 210, 120, 0});
    byte[] out = new byte[3];
    Bilinear.sample(image, 0.5, 0, out, 0);
    // the row below is outside (black) but weighs 0 at y = 0
    assertArrayEquals(new byte[] {110, 70, 15}, out);
  }
}
