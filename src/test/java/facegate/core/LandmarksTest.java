package facegate.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LandmarksTest {
  @Test
  void centroidIsTheMeanOfTheRangeOnly() {
    double[] xy = new double[Landmarks.COUNT * 2];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      xy[2 * i] = i * i;
      xy[2 * i + 1] = -3 * i;
    }
    Landmarks landmarks = new Landmarks(xy);
    // 42..47: x = 1764, 1849, 1936, 2025, 2116, 2209 (sum 11899); y = -126 .. -141 (sum -801)
    assertArrayEquals(new double[] {11899 / 6.0, -801 / 6.0}, landmarks.centroid(42, 6), 1e-9);
    assertArrayEquals(new double[] {900, -90}, landmarks.centroid(30, 1), 0);
  }
}
