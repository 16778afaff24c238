package facegate.pose;

import facegate.core.Landmarks;

/** The left-right correspondence of the 68 iBUG landmarks: which point a mirror image swaps in. */
public final class LandmarkSymmetry {
  private static final int[] MIRROR = mirror();

  private LandmarkSymmetry() {}

  /** The landmark that {@code index} becomes in a mirror image (itself on the midline). */
  static int mirrorOf(int index) {
    return MIRROR[index];
  }

  /**
   * The landmarks of the mirror image ({@code vision.Mirror#horizontal}) of a {@code width}-pixel
   * wide image: x becomes {@code width - 1 - x}, and left and right points swap indices.
   */
  public static Landmarks mirrored(Landmarks landmarks, int width) {
    double[] xy = new double[Landmarks.COUNT * 2];
    for (int i = 0; i < Landmarks.COUNT; i++) {
      xy[2 * MIRROR[i]] = width - 1 - landmarks.x(i);
      xy[2 * MIRROR[i] + 1] = landmarks.y(i);
    }
    return new Landmarks(xy);
  }

  private static int[] mirror() {
    int[] m = new int[68];
    for (int i = 0; i < 68; i++) {
      m[i] = i;
    }
    for (int i = 0; i <= 16; i++) {
      m[i] = 16 - i; // jaw
    }
    for (int i = 17; i <= 26; i++) {
      m[i] = 43 - i; // brows 17-21 <-> 26-22
    }
    pair(m, 31, 35);
    pair(m, 32, 34);
    pair(m, 36, 45);
    pair(m, 37, 44);
    pair(m, 38, 43);
    pair(m, 39, 42);
    pair(m, 40, 47);
    pair(m, 41, 46);
    pair(m, 48, 54);
    pair(m, 49, 53);
    pair(m, 50, 52);
    pair(m, 55, 59);
    pair(m, 56, 58);
    pair(m, 60, 64);
    pair(m, 61, 63);
    pair(m, 65, 67);
    return m;
  }

  private static void pair(int[] m, int a, int b) {
    m[a] = b;
    m[b] = a;
  }
}
