package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.ProfilePoints;
import facegate.core.ProfilePoints.Part;
import facegate.core.ProfilePoints.Point;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProfileAlignerTest {
  /** A made-up right-facing profile, unit coordinates. */
  static final Map<Part, Point> SHAPE =
      Map.of(
          Part.EYE, new Point(0.6, 0.2),
          Part.NASION, new Point(0.8, 0.2),
          Part.NOSE_TIP, new Point(1.0, 0.5),
          Part.SUBNASALE, new Point(0.9, 0.6),
          Part.MOUTH_CORNER, new Point(0.6, 0.8),
          Part.MOUTH_CENTRE, new Point(0.85, 0.8),
          Part.CHIN, new Point(0.7, 1.1),
          Part.EAR, new Point(0.0, 0.25));

  /** {@link #SHAPE} scaled by {@code scale}, turned by {@code angle}, moved by (dx, dy). */
  static ProfilePoints placed(double scale, double angle, double dx, double dy, boolean right) {
    Map<Part, Point> points = new EnumMap<>(Part.class);
    SHAPE.forEach(
        (part, p) -> {
          double x = scale * (Math.cos(angle) * p.x() - Math.sin(angle) * p.y()) + dx;
          double y = scale * (Math.sin(angle) * p.x() + Math.cos(angle) * p.y()) + dy;
          points.put(part, new Point(right ? x : -x, y));
        });
    return new ProfilePoints(right, points);
  }

  @Test
  void pointsOnTheTemplateLandWhereTheTemplatePutsThemInThePaddedChip() {
    ProfileAligner aligner = new ProfileAligner(new ProfileTemplate(SHAPE), 150, 0.25);
    // the face 80 pixels wide at (30, 40): template point u lands at (0.25 + u) / 1.5 * 150
    ProfilePoints face = placed(80, 0, 30, 40, true);
    for (Part part : Part.values()) {
      Point chip = aligner.chipPoint(face, face.get(part));
      assertEquals((0.25 + SHAPE.get(part).x()) * 100, chip.x(), 1e-9, part.name());
      assertEquals((0.25 + SHAPE.get(part).y()) * 100, chip.y(), 1e-9, part.name());
    }
  }

  @Test
  void onlyThePartsASourceGivesAreUsed() {
    ProfileAligner aligner = new ProfileAligner(new ProfileTemplate(SHAPE), 150, 0.25);
    ProfilePoints all = placed(80, 0.3, 30, 40, true);
    Map<Part, Point> some = new EnumMap<>(all.points());
    some.remove(Part.EAR);
    some.remove(Part.CHIN);
    // the rest still fits exactly: the same transform
    Point eye = aligner.chipPoint(new ProfilePoints(true, some), all.get(Part.EAR));
    assertEquals(25, eye.x(), 1e-9);
    assertEquals(50, eye.y(), 1e-9);
  }

  @Test
  void aFaceLookingLeftGivesTheMirrorImageOfTheSameFaceLookingRight() {
    int size = 200;
    byte[] rgb = new byte[size * size * 3];
    new Random(7).nextBytes(rgb);
    RgbImage image = new RgbImage(size, size, rgb);
    RgbImage mirrored = Mirror.horizontal(image);
    ProfilePoints right = placed(90, 0.2, 40, 30, true);
    Map<Part, Point> left = new EnumMap<>(Part.class);
    right.points().forEach((part, p) -> left.put(part, new Point(size - 1 - p.x(), p.y())));
    ProfileAligner aligner = new ProfileAligner(new ProfileTemplate(SHAPE), 64, 0.25);
    RgbImage fromRight = aligner.align(image, right);
    RgbImage fromLeft = aligner.align(mirrored, new ProfilePoints(false, left));
    assertArrayEquals(fromRight.rgb(), fromLeft.rgb(), "both chips face right, pixel for pixel");
  }

  @Test
  void theLearnedTemplateIsTheShapeInTheUnitFrame() {
    List<ProfilePoints> faces = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 20; i++) {
      faces.add(
          placed(
              50 + 100 * random.nextDouble(),
              random.nextGaussian() * 0.2,
              random.nextDouble() * 300,
              random.nextDouble() * 300,
              i % 3 != 0));
    }
    ProfileTemplate template = ProfileTemplate.learn(faces);
    Point eye = template.position(Part.EYE);
    Point ear = template.position(Part.EAR);
    assertEquals(ProfileTemplate.EYE_Y, eye.y(), 1e-9, "eye at the frontal mean face's height");
    assertEquals(eye.y(), ear.y(), 1e-9, "ear-eye line level");
    assertEquals(
        ProfileTemplate.EYE_TO_MOUTH_HEIGHT,
        template.position(Part.MOUTH_CENTRE).y() - eye.y(),
        1e-9);
    assertEquals(0.5, (ear.x() + template.position(Part.NOSE_TIP).x()) / 2, 1e-9);
    // the same shape: distances keep their ratios
    double shapeRatio =
        distance(SHAPE.get(Part.CHIN), SHAPE.get(Part.EAR))
            / distance(SHAPE.get(Part.EYE), SHAPE.get(Part.EAR));
    double learnedRatio = distance(template.position(Part.CHIN), ear) / distance(eye, ear);
    assertEquals(shapeRatio, learnedRatio, 1e-9);
    assertEquals(
        template.toLines(), ProfileTemplate.parse(template.toLines()).toLines(), "round trip");
  }

  @Test
  void theShippedTemplateLoadsAndLooksRight() {
    ProfileTemplate shipped = ProfileTemplate.shipped();
    assertEquals(
        true,
        shipped.position(Part.NOSE_TIP).x() > shipped.position(Part.EAR).x(),
        "the nose points right");
    assertThrows(
        IllegalArgumentException.class,
        () -> new ProfileTemplate(Map.of(Part.EYE, new Point(0, 0))));
  }

  private static double distance(Point a, Point b) {
    return Math.hypot(a.x() - b.x(), a.y() - b.y());
  }
}
