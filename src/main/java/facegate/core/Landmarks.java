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
