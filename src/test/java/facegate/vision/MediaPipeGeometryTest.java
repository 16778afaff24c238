package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Letterbox, anchors and weighted suppression on small hand-computed cases. */
class MediaPipeGeometryTest {
  @Test
  void letterboxCentresTheImageAndMapsBack() {
    // 200x100 into 10: scaled 10x5, rows 2..6 (top = (10 - 5) / 2 = 2).
    Letterbox box = Letterbox.of(200, 100, 10);
    assertEquals(10, box.scaledWidth());
    assertEquals(5, box.scaledHeight());
    assertEquals(0, box.left());
    assertEquals(2, box.top());
    assertEquals(0, box.toImageX(0), 1e-9);
    assertEquals(200, box.toImageX(1), 1e-9);
    assertEquals(0, box.toImageY(0.2), 1e-9); // square row 2 = image row 0
    assertEquals(100, box.toImageY(0.7), 1e-9); // square row 7 = image row 100
  }

  @Test
  void letterboxWithFillLeavesAMarginAllRound() {
    // 100x100 into 10 at fill 0.6: scaled 6x6 at (2, 2).
    Letterbox box = Letterbox.of(100, 100, 10, 0.6);
    assertEquals(6, box.scaledWidth());
    assertEquals(2, box.left());
    assertEquals(0, box.toImageX(0.2), 1e-9);
    assertEquals(100, box.toImageX(0.8), 1e-9);
    RgbImage white = new RgbImage(100, 100, filled(100 * 100 * 3, (byte) 255));
    RgbImage square = box.apply(white);
    assertEquals(0, square.channel(1, 5, 0)); // margin
    assertEquals(255, square.channel(2, 5, 0)); // image
    assertEquals(255, square.channel(7, 7, 1));
    assertEquals(0, square.channel(8, 8, 2));
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, value);
    return bytes;
  }

  @Test
  void fullRangeAnchorsAreOneGridOfStrideFour() {
    float[] xy = MediaPipeAnchors.centers(192, new int[] {4}, 1);
    assertEquals(2304 * 2, xy.length);
    assertEquals(0.5f / 48, xy[0], 1e-7f);
    assertEquals(0.5f / 48, xy[1], 1e-7f);
    assertEquals(1.5f / 48, xy[2], 1e-7f); // next anchor: next column
    assertEquals(47.5f / 48, xy[xy.length - 1], 1e-7f);
  }

  @Test
  void shortRangeAnchorsStackSameStrideLayers() {
    float[] xy = MediaPipeAnchors.centers(128, new int[] {8, 16, 16, 16}, 2);
    assertEquals(896 * 2, xy.length); // 16 x 16 x 2 + 8 x 8 x 6
    // first two anchors share the first cell of the 16 x 16 grid
    assertArrayEquals(new float[] {1 / 32f, 1 / 32f, 1 / 32f, 1 / 32f}, slice(xy, 0, 4), 1e-7f);
    // anchor 512 starts the 8 x 8 grid, 6 anchors per cell
    int start = 512 * 2;
    assertArrayEquals(new float[] {1 / 16f, 1 / 16f}, slice(xy, start, 2), 1e-7f);
    assertArrayEquals(new float[] {1 / 16f, 1 / 16f}, slice(xy, start + 10, 2), 1e-7f);
    assertArrayEquals(new float[] {3 / 16f, 1 / 16f}, slice(xy, start + 12, 2), 1e-7f);
  }

  private static float[] slice(float[] values, int from, int length) {
    return java.util.Arrays.copyOfRange(values, from, from + length);
  }

  @Test
  void weightedSuppressionBlendsOverlapsByScore() {
    AnchorDetection strong = new AnchorDetection(0.9, new double[] {0, 0, 10, 10, 5, 5});
    AnchorDetection shifted = new AnchorDetection(0.3, new double[] {1, 1, 11, 11, 9, 9});
    AnchorDetection apart = new AnchorDetection(0.6, new double[] {50, 50, 60, 60, 55, 55});
    List<AnchorDetection> kept =
        AnchorDetection.weightedSuppression(List.of(shifted, apart, strong), 0.3, 10);
    assertEquals(2, kept.size());
    // IoU(strong, shifted) = 81 / 119 > 0.3: blended (0.9 * v + 0.3 * w) / 1.2, score 0.9
    assertEquals(0.9, kept.get(0).score());
    assertArrayEquals(new double[] {0.25, 0.25, 10.25, 10.25, 6, 6}, kept.get(0).values(), 1e-9);
    assertArrayEquals(new double[] {50, 50, 60, 60, 55, 55}, kept.get(1).values(), 1e-9);
    assertEquals(1, AnchorDetection.weightedSuppression(List.of(strong, apart), 0.3, 1).size());
    assertEquals(List.of(), AnchorDetection.weightedSuppression(List.of(), 0.3, 5));
  }
}
