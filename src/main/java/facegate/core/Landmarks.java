package facegate.core;

import java.util.Arrays;

/**
 * The 68 iBUG/dlib facial landmarks (jaw 0-16, brows 17-26, nose 27-35, eyes 36-47, mouth 48-67),
 * in pixels of the image they were located in.
 *
 * @param xy 136 values: x0, y0, x1, y1, ...; all finite
 */
public record Landmarks(double[] xy) {
  public static final int COUNT = 68;

  public Landmarks {
    xy = Coordinates.checkedCopy(xy, COUNT, "landmark");
  }

  public double x(int index) {
    return xy[index * 2];
  }

  public double y(int index) {
    return xy[index * 2 + 1];
  }

  /**
   * The mean position {x, y} of the {@code count} landmarks from {@code first} on, e.g. an eye's
   * centre ({@code 36, 6} or {@code 42, 6}).
   */
  public double[] centroid(int first, int count) {
    double x = 0;
    double y = 0;
    for (int i = first; i < first + count; i++) {
      x += x(i);
      y += y(i);
    }
    return new double[] {x / count, y / count};
  }

  @Override
  public double[] xy() {
    return xy.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Landmarks that && Arrays.equals(xy, that.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    return "Landmarks" + Arrays.toString(xy);
  }
}
