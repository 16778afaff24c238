package facegate.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The points of a face that stay visible when it is turned to a profile, from whatever source
 * located them (the 68-point landmarks through {@link #fromLandmarks}, a detector's keypoints,
 * hand-marked fiducials), in pixels of the image they were found in. Only the side of the face
 * towards the camera is described: the visible eye, the visible mouth corner.
 *
 * @param facingRight true when the nose points towards the image's right edge (the camera sees the
 *     person's right cheek), false when it points left
 * @param points the points known, at least two; a source need not give every {@link Part}
 */
public record ProfilePoints(boolean facingRight, Map<Part, Point> points) {
  /** The named points; a profile template places each of them. */
  public enum Part {
    /** Centre of the visible eye. */
    EYE,
    /** The root of the nose, between the eyes. */
    NASION,
    NOSE_TIP,
    /** Where the nose meets the upper lip. */
    SUBNASALE,
    /** The visible corner of the mouth. */
    MOUTH_CORNER,
    /** The middle of the lips on the face's midline (the front of the lips in a profile). */
    MOUTH_CENTRE,
    /** The lowest point of the chin on the midline. */
    CHIN,
    /** The tragion, in front of the visible ear. */
    EAR
  }

  /** A point in image pixels; coordinates finite. */
  public record Point(double x, double y) {
    public Point {
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException("point coordinates must be finite: " + x + ", " + y);
      }
    }
  }

  public ProfilePoints {
    Objects.requireNonNull(points, "points");
    if (points.size() < 2) {
      throw new IllegalArgumentException("at least two profile points are needed: " + points);
    }
    points = Collections.unmodifiableMap(new EnumMap<>(points));
  }

  /** The point of {@code part}, or null when the source did not give it. */
  public Point get(Part part) {
    return points.get(part);
  }

  /**
   * The profile points of a face's 68 iBUG landmarks, for the side {@code facingRight} shows: the
   * person's right eye (36-41) and mouth corner (48) when facing right, the left ones (42-47, 54)
   * otherwise; nasion 27, nose tip 30, subnasale 33, chin 8, mouth centre the mean of the lip
   * midline points 51, 57, 62 and 66. The 68 points have no ear point.
   */
  public static ProfilePoints fromLandmarks(Landmarks landmarks, boolean facingRight) {
    Map<Part, Point> points = new EnumMap<>(Part.class);
    points.put(Part.EYE, mean(landmarks, facingRight ? 36 : 42, 6));
    points.put(Part.NASION, at(landmarks, 27));
    points.put(Part.NOSE_TIP, at(landmarks, 30));
    points.put(Part.SUBNASALE, at(landmarks, 33));
    points.put(Part.MOUTH_CORNER, at(landmarks, facingRight ? 48 : 54));
    double x = 0, y = 0;
    for (int i : new int[] {51, 57, 62, 66}) {
      x += landmarks.x(i) / 4;
      y += landmarks.y(i) / 4;
    }
    points.put(Part.MOUTH_CENTRE, new Point(x, y));
    points.put(Part.CHIN, at(landmarks, 8));
    return new ProfilePoints(facingRight, points);
  }

  /**
   * The profile points of MediaPipe's six keypoints, for the side {@code facingRight} shows: the
   * person's right eye and ear tragion when facing right, the left ones otherwise; nose tip; the
   * mouth keypoint as the mouth centre.
   */
  public static ProfilePoints fromKeypoints(FaceKeypoints keypoints, boolean facingRight) {
    Map<Part, Point> points = new EnumMap<>(Part.class);
    int eye = facingRight ? FaceKeypoints.RIGHT_EYE : FaceKeypoints.LEFT_EYE;
    int ear = facingRight ? FaceKeypoints.RIGHT_EAR : FaceKeypoints.LEFT_EAR;
    points.put(Part.EYE, new Point(keypoints.x(eye), keypoints.y(eye)));
    points.put(
        Part.NOSE_TIP,
        new Point(keypoints.x(FaceKeypoints.NOSE_TIP), keypoints.y(FaceKeypoints.NOSE_TIP)));
    points.put(
        Part.MOUTH_CENTRE,
        new Point(keypoints.x(FaceKeypoints.MOUTH), keypoints.y(FaceKeypoints.MOUTH)));
    points.put(Part.EAR, new Point(keypoints.x(ear), keypoints.y(ear)));
    return new ProfilePoints(facingRight, points);
  }

  private static Point at(Landmarks landmarks, int index) {
    return new Point(landmarks.x(index), landmarks.y(index));
  }

  private static Point mean(Landmarks landmarks, int first, int count) {
    double[] centre = landmarks.centroid(first, count);
    return new Point(centre[0], centre[1]);
  }
}
