package facegate.eval;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.ProfilePoints;
import facegate.core.ProfilePoints.Part;
import facegate.core.ProfilePoints.Point;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CFP's 30 hand-marked fiducials of one photo ({@code fiducials/cfpNNN/cfpNNN_00KK.txt}, one {@code
 * x,y} per line in the photo's pixels). Frontal and profile photos share one numbering (worked out
 * by plotting them; see docs/cfp.md), each marking one side of the face: 0 the face contour at eye
 * height (on a profile: the tragion, in front of the ear), 1-8 the jaw down to the chin (8), 9-11
 * the brow, 12-17 the eye (12 outer corner, 15 inner corner), 18 the nasion, 19-21 the nose ridge
 * down to its tip (21), 22 the subnasale, 23-24 the nostril wing, 25 the mouth corner, 26 and 28
 * the top and bottom of the lips on the midline, 27 and 29 their inner edges. Frontals mark the
 * person's right side (the image's left half); profiles the side facing the camera.
 *
 * @param xy 60 values x0, y0, ... x29, y29, all finite
 */
public record CfpFiducials(double[] xy) {
  /** Points per file. */
  public static final int COUNT = 30;

  public CfpFiducials {
    if (xy == null || xy.length != COUNT * 2) {
      throw new IllegalArgumentException("expected 30 fiducials (60 coordinates)");
    }
    for (double v : xy) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("fiducial coordinate is not finite: " + v);
      }
    }
    xy = xy.clone();
  }

  /**
   * Reads a fiducials file; an unreadable or malformed one fails with {@link
   * ErrorCode#PAIRS_FILE_INVALID} naming the file and line.
   */
  public static CfpFiducials read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.PAIRS_FILE_INVALID, "cannot read fiducials " + file + ": " + e, e);
    }
    if (lines.size() != COUNT) {
      throw new FaceException(
          ErrorCode.PAIRS_FILE_INVALID, file + ": expected 30 lines 'x,y', found " + lines.size());
    }
    double[] xy = new double[COUNT * 2];
    for (int i = 0; i < COUNT; i++) {
      String[] parts = lines.get(i).trim().split(",");
      try {
        if (parts.length != 2) {
          throw new NumberFormatException("two values expected");
        }
        xy[2 * i] = Double.parseDouble(parts[0]);
        xy[2 * i + 1] = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new FaceException(
            ErrorCode.PAIRS_FILE_INVALID,
            file + ":" + (i + 1) + ": expected 'x,y', got '" + lines.get(i) + "'",
            e);
      }
    }
    return new CfpFiducials(xy);
  }

  /** The fiducials file of {@code image} ({@code cfpNNN/cfpNNN_00KK.jpg}) under {@code dir}. */
  public static Path fileOf(Path dir, Path image) {
    int n = image.getNameCount();
    String name = image.getFileName().toString().replaceFirst("\\.[^.]+$", ".txt");
    return dir.resolve(image.getName(n - 2).toString()).resolve(name);
  }

  public double x(int index) {
    return xy[2 * index];
  }

  public double y(int index) {
    return xy[2 * index + 1];
  }

  /** Whether the nose tip lies right of point 0 (for frontals always true: see the class). */
  public boolean facingRight() {
    return x(21) > x(0);
  }

  /**
   * The face size errors are divided by: the geometric mean of the width and height of the 30
   * points' bounding box, {@code sqrt(w * h)}.
   */
  public double faceSize() {
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (int i = 0; i < COUNT; i++) {
      minX = Math.min(minX, x(i));
      maxX = Math.max(maxX, x(i));
      minY = Math.min(minY, y(i));
      maxY = Math.max(maxY, y(i));
    }
    return Math.sqrt((maxX - minX) * (maxY - minY));
  }

  /**
   * The profile points these fiducials mark: eye the mean of 12-17, nasion 18, nose tip 21,
   * subnasale 22, mouth corner 25, mouth centre the mean of 26-29, chin 8, and, with {@code
   * withEar} (profiles: point 0 is the tragion there, not on a frontal), the ear 0.
   */
  public ProfilePoints profilePoints(boolean withEar) {
    Map<Part, Point> points = new EnumMap<>(Part.class);
    points.put(Part.EYE, mean(12, 17));
    points.put(Part.NASION, point(18));
    points.put(Part.NOSE_TIP, point(21));
    points.put(Part.SUBNASALE, point(22));
    points.put(Part.MOUTH_CORNER, point(25));
    points.put(Part.MOUTH_CENTRE, mean(26, 29));
    points.put(Part.CHIN, point(8));
    if (withEar) {
      points.put(Part.EAR, point(0));
    }
    return new ProfilePoints(facingRight(), points);
  }

  private Point point(int index) {
    return new Point(x(index), y(index));
  }

  private Point mean(int first, int last) {
    double x = 0, y = 0;
    int n = last - first + 1;
    for (int i = first; i <= last; i++) {
      x += x(i) / n;
      y += y(i) / n;
    }
    return new Point(x, y);
  }

  @Override
  public double[] xy() {
    return xy.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CfpFiducials that && Arrays.equals(xy, that.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    return "CfpFiducials" + Arrays.toString(xy);
  }
}
