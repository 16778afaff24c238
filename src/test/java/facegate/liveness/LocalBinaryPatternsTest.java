package facegate.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LocalBinaryPatternsTest {
  @Test
  void countsTransitionsAroundTheCircle() {
    assertEquals(0, LocalBinaryPatterns.transitions(0b00000000));
    assertEquals(0, LocalBinaryPatterns.transitions(0b11111111));
    assertEquals(2, LocalBinaryPatterns.transitions(0b00000001));
    assertEquals(2, LocalBinaryPatterns.transitions(0b10000001)); // wraps around
    assertEquals(4, LocalBinaryPatterns.transitions(0b00000101));
    assertEquals(8, LocalBinaryPatterns.transitions(0b01010101));
  }

  @Test
  void givesEachUniformPatternItsOwnBinAndTheRestTheLast() {
    int[] bins = LocalBinaryPatterns.uniformBins();
    assertEquals(0, bins[0b00000000]);
    assertEquals(1, bins[0b00000001]);
    assertEquals(LocalBinaryPatterns.BINS - 1, bins[0b00000101]);
    assertEquals(LocalBinaryPatterns.BINS - 1, bins[0b01010101]);
    assertEquals(57, bins[0b11111111]); // the last uniform pattern
    long distinctUniform = Arrays.stream(bins).filter(b -> b < 58).distinct().count();
    assertEquals(58, distinctUniform);
  }

  @Test
  void histogramOfOneCentrePixelByHand() {
    // 3x3, radius 1: only the centre (value 5) is described. Neighbours from the top-left,
    // clockwise: 9, 1, 9, 1, 9, 1, 9, 1 -> bits 0, 2, 4, 6 set (>= 5): 0b01010101, not uniform.
    int[] alternating = {9, 1, 9, 1, 5, 1, 9, 1, 9};
    double[] histogram = LocalBinaryPatterns.histogram(alternating, 3, 3, 1);
    double[] expected = new double[LocalBinaryPatterns.BINS];
    expected[LocalBinaryPatterns.BINS - 1] = 1;
    assertArrayEquals(expected, histogram);
    // Only the top row (top-left, top, top-right: bits 0, 1, 2) at least the centre: 0b00000111.
    int[] topBright = {9, 9, 9, 1, 5, 1, 1, 1, 1};
    int bin = LocalBinaryPatterns.uniformBins()[0b00000111];
    assertEquals(1.0, LocalBinaryPatterns.histogram(topBright, 3, 3, 1)[bin]);
  }

  @Test
  void histogramSumsToOneAndRefusesTooSmallPlanes() {
    int[] plane = new int[10 * 10];
    for (int i = 0; i < plane.length; i++) {
      plane[i] = (i * 37) % 11;
    }
    assertEquals(1.0, Arrays.stream(LocalBinaryPatterns.histogram(plane, 10, 10, 2)).sum(), 1e-12);
    assertThrows(
        IllegalArgumentException.class, () -> LocalBinaryPatterns.histogram(plane, 4, 25, 2));
  }
}
