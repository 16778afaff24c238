package facegate.vision;

import facegate.core.ProfilePoints;
import facegate.core.ProfilePoints.Part;
import facegate.core.ProfilePoints.Point;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Aligns a profile face to a chip like {@link FaceAligner}'s frontal one: the similarity transform
 * (rotation, uniform scale, translation) that best maps the face's {@link ProfilePoints} onto a
 * {@link ProfileTemplate}, with the same padding around the unit face square. Only the parts both
 * the points and the template have are used, so any source of points works (the 68-point landmarks
 * have no ear, a detector may have no chin); at least two are needed. Every chip faces right: a
 * face looking left is aligned to the mirrored template and the chip is mirrored back.
 */
public final class ProfileAligner {
  private final ProfileTemplate template;
  private final int chipSize;
  private final double padding;

  /**
   * @param chipSize side of the output chip in pixels, at least 8
   * @param padding fraction of the face size added on each side, in [0, 1]
   */
  public ProfileAligner(ProfileTemplate template, int chipSize, double padding) {
    if (chipSize < 8) {
      throw new IllegalArgumentException("chip size must be at least 8: " + chipSize);
    }
    if (!(padding >= 0 && padding <= 1)) {
      throw new IllegalArgumentException("padding must be in [0, 1]: " + padding);
    }
    this.template = Objects.requireNonNull(template, "template");
    this.chipSize = chipSize;
    this.padding = padding;
  }

  /** The shipped template on dlib's chip: 150 pixels, padding 0.25. */
  public static ProfileAligner dlibChip() {
    return new ProfileAligner(ProfileTemplate.shipped(), 150, 0.25);
  }

  /** The chip of the face with these points (in {@code image} pixels), facing right. */
  public RgbImage align(RgbImage image, ProfilePoints points) {
    RgbImage chip = FaceAligner.warp(image, toChip(points), chipSize);
    return points.facingRight() ? chip : Mirror.horizontal(chip);
  }

  /**
   * Where {@code point} (image pixels) lands in the chip {@link #align} cuts for {@code points}, in
   * chip pixels (x mirrored for a face looking left, as the chip is).
   */
  public Point chipPoint(ProfilePoints points, Point point) {
    SimilarityTransform toChip = toChip(points);
    double x = toChip.applyX(point.x(), point.y());
    double y = toChip.applyY(point.x(), point.y());
    return new Point(points.facingRight() ? x : chipSize - 1 - x, y);
  }

  SimilarityTransform toChip(ProfilePoints points) {
    List<Double> source = new ArrayList<>();
    List<Double> target = new ArrayList<>();
    for (Part part : Part.values()) {
      Point p = points.get(part);
      if (p == null) {
        continue;
      }
      Point unit = template.position(part);
      double x = (padding + unit.x()) / (2 * padding + 1) * chipSize;
      source.add(p.x());
      source.add(p.y());
      // a face looking left goes where the mirror image of the right-facing chip has it
      target.add(points.facingRight() ? x : chipSize - 1 - x);
      target.add((padding + unit.y()) / (2 * padding + 1) * chipSize);
    }
    return SimilarityTransform.estimate(toArray(source), toArray(target));
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
