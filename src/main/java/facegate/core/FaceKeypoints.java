package facegate.core;

import java.util.Arrays;

/**
 * The six points MediaPipe's face detectors give with each face, in pixels of the decoded image, in
 * this order (right and left are the person's own, so the right eye is usually on the image's
 * left):
 *
 * <ol start="0">
 *   <li>{@link #RIGHT_EYE} right eye centre
 *   <li>{@link #LEFT_EYE} left eye centre
 *   <li>{@link #NOSE_TIP} nose tip
 *   <li>{@link #MOUTH} mouth centre
 *   <li>{@link #RIGHT_EAR} right ear tragion
 *   <li>{@link #LEFT_EAR} left ear tragion
 * </ol>
 *
 * On a profile the far-side points (the hidden eye and ear) are the network's guess of where they
 * are, not a measurement; they may lie outside the box, or outside the image near its border.
 *
 * @param xy 12 finite values: x0, y0, x1, y1, ...
 */
public record FaceKeypoints(double[] xy) {
  public static final int COUNT = 6;
  public static final int RIGHT_EYE = 0;
  public static final int LEFT_EYE = 1;
  public static final int NOSE_TIP = 2;
  public static final int MOUTH = 3;
  public static final int RIGHT_EAR = 4;
  public static final int LEFT_EAR = 5;

  public FaceKeypoints {
    xy = Coordinates.checkedCopy(xy, COUNT, "keypoint");
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
    return other instanceof FaceKeypoints that && Arrays.equals(xy, that.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    return "FaceKeypoints" + Arrays.toString(xy);
  }
}
