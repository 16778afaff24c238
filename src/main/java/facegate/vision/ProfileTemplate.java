package facegate.vision;

import facegate.core.ProfilePoints;
import facegate.core.ProfilePoints.Part;
import facegate.core.ProfilePoints.Point;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where each {@link Part} of a profile facing right lies in the unit face square that {@link
 * ProfileAligner} maps onto the chip, in the frame of dlib's frontal mean face: the ear-to-eye line
 * (the Frankfort line) horizontal, the eye at {@value #EYE_Y} and the eye-to-mouth-centre height
 * {@value #EYE_TO_MOUTH_HEIGHT} as in the frontal mean face (eye centres 36-47, lip midline 51, 57,
 * 62, 66), and the ear and the nose tip centred on {@code x = 0.5}.
 */
public final class ProfileTemplate {
  /** Height of the eye in dlib's frontal mean face (mean of 36-47). */
  static final double EYE_Y = 0.2160;

  /** Eye to lip midline in dlib's frontal mean face. */
  static final double EYE_TO_MOUTH_HEIGHT = 0.6013;

  private static final String RESOURCE = "/facegate/vision/profile-template.tsv";

  private final Map<Part, Point> positions;

  /**
   * @param positions every {@link Part}'s unit position for a face facing right
   */
  public ProfileTemplate(Map<Part, Point> positions) {
    if (positions.size() != Part.values().length) {
      throw new IllegalArgumentException("a template places every part: " + positions.keySet());
    }
    this.positions = new EnumMap<>(positions);
  }

  /** The template shipped with facegate (learned by {@code profile-template} on CFP folds 1-5). */
  public static ProfileTemplate shipped() {
    try (InputStream in =
        Objects.requireNonNull(
            ProfileTemplate.class.getResourceAsStream(RESOURCE), "missing resource " + RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Unit position of {@code part} for a face facing right. */
  public Point position(Part part) {
    return positions.get(part);
  }

  /**
   * The mean shape of profiles that give every part (others are skipped), left-facing ones
   * mirrored: a generalised Procrustes mean (similarity transforms, five rounds), then placed in
   * the unit frame described on the class.
   *
   * @throws IllegalArgumentException when fewer than two faces give every part
   */
  public static ProfileTemplate learn(List<ProfilePoints> faces) {
    List<double[]> shapes = new ArrayList<>();
    for (ProfilePoints face : faces) {
      if (face.points().size() == Part.values().length) {
        shapes.add(rightFacing(face));
      }
    }
    if (shapes.size() < 2) {
      throw new IllegalArgumentException("need at least two faces with every profile point");
    }
    double[] mean = shapes.get(0).clone();
    for (int round = 0; round < 5; round++) {
      double[] sum = new double[mean.length];
      for (double[] shape : shapes) {
        SimilarityTransform toMean = SimilarityTransform.estimate(shape, mean);
        for (int i = 0; i < sum.length; i += 2) {
          sum[i] += toMean.applyX(shape[i], shape[i + 1]) / shapes.size();
          sum[i + 1] += toMean.applyY(shape[i], shape[i + 1]) / shapes.size();
        }
      }
      mean = sum;
    }
    return new ProfileTemplate(toUnitFrame(mean));
  }

  /** x, y per part in {@link Part} order, mirrored (x negated) when the face looks left. */
  private static double[] rightFacing(ProfilePoints face) {
    double[] xy = new double[Part.values().length * 2];
    for (Part part : Part.values()) {
      Point p = face.get(part);
      xy[part.ordinal() * 2] = face.facingRight() ? p.x() : -p.x();
      xy[part.ordinal() * 2 + 1] = p.y();
    }
    return xy;
  }

  private static Map<Part, Point> toUnitFrame(double[] mean) {
    Point ear = point(mean, Part.EAR);
    Point eye = point(mean, Part.EYE);
    double angle = Math.atan2(eye.y() - ear.y(), eye.x() - ear.x());
    double cos = Math.cos(-angle), sin = Math.sin(-angle);
    double[] level = new double[mean.length];
    for (int i = 0; i < mean.length; i += 2) {
      level[i] = cos * mean[i] - sin * mean[i + 1];
      level[i + 1] = sin * mean[i] + cos * mean[i + 1];
    }
    double scale =
        EYE_TO_MOUTH_HEIGHT / (point(level, Part.MOUTH_CENTRE).y() - point(level, Part.EYE).y());
    double shiftX =
        0.5 - scale * (point(level, Part.EAR).x() + point(level, Part.NOSE_TIP).x()) / 2;
    double shiftY = EYE_Y - scale * point(level, Part.EYE).y();
    Map<Part, Point> unit = new EnumMap<>(Part.class);
    for (Part part : Part.values()) {
      Point p = point(level, part);
      unit.put(part, new Point(scale * p.x() + shiftX, scale * p.y() + shiftY));
    }
    return unit;
  }

  private static Point point(double[] xy, Part part) {
    return new Point(xy[part.ordinal() * 2], xy[part.ordinal() * 2 + 1]);
  }

  /** The template as lines {@code part<TAB>x<TAB>y}, the format of the shipped resource. */
  public List<String> toLines() {
    List<String> lines = new ArrayList<>();
    for (Part part : Part.values()) {
      Point p = positions.get(part);
      lines.add(String.format(Locale.ROOT, "%s\t%.6f\t%.6f", part.name(), p.x(), p.y()));
    }
    return lines;
  }

  /** Parses {@link #toLines()}; lines starting with {@code #} are comments. */
  public static ProfileTemplate parse(List<String> lines) {
    Map<Part, Point> positions = new EnumMap<>(Part.class);
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 3) {
        throw new IllegalArgumentException("bad profile template line: " + line);
      }
      positions.put(
          Part.valueOf(f[0]), new Point(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
    }
    return new ProfileTemplate(positions);
  }
}
