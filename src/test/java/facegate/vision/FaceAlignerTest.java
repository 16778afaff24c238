package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.AlignedFace;
import facegate.core.ChipAlignment;
import facegate.core.FaceBox;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {
  /** A 300x300 image whose red channel is x and green channel is y (clamped to 255). */
  private static RgbImage gradient() {
    int size = 300;
    byte[] rgb = new byte[size * size * 3];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        rgb[(y * size + x) * 3] = (byte) Math.min(255, x);
        rgb[(y * size + x) * 3 + 1] = (byte) Math.min(255, y);
      }
    }
    return new RgbImage(size, size, rgb);
  }

  /** Landmarks placed exactly where the mean face puts them in a chip of side 100 at (50, 60). */
  private static Landmarks meanFaceAt(double left, double top, double side) {
    double[] xy = new double[136];
    for (int i = 17; i < 68; i++) {
      xy[2 * i] = left + MeanFaceShape.x(i) * side;
      xy[2 * i + 1] = top + MeanFaceShape.y(i) * side;
    }
    return new Landmarks(xy);
  }

  @Test
  void meanFaceLandmarksMapToThePaddedChip() {
    FaceAligner aligner = new FaceAligner(150, 0.25);
    FaceBox box = new FaceBox(50, 60, 100, 100, 1, FaceBox.View.FRONTAL);
    AlignedFace face = aligner.align(gradient(), box, meanFaceAt(50, 60, 100));
    assertFalse(face.fallbackCrop());
    // The chip spans the face square plus 25% each side: x from 25 to 175 in the image.
    // Chip pixel 0 samples image x = 25, chip pixel 149 samples x = 25 + 149 * 150/150 = 174.
    assertEquals(25, face.chip().channel(0, 75, 0), 1);
    assertEquals(174, face.chip().channel(149, 75, 0), 1);
    assertEquals(35, face.chip().channel(75, 0, 1), 1);
  }

  @Test
  void cropSquareUsesEdgeCoordinates() {
    // A 100-pixel crop centred on (150, 150) spans 100..200 and is resampled to 50: crop pixel
    // 0 covers [100, 102), centred on 101; crop pixel 49 is centred on 199.
    RgbImage crop = FaceAligner.cropSquare(gradient(), 150, 150, 100, 50);
    assertEquals(50, crop.width());
    // (shrinking by 2 first rounds each block mean to a whole value: up to 1 off)
    assertEquals(101, crop.channel(0, 0, 0), 1);
    assertEquals(199, crop.channel(49, 0, 0), 1);
  }

  @Test
  void outsideTheImageIsBlack() {
    RgbImage crop = FaceAligner.cropSquare(gradient(), 0, 0, 100, 20);
    assertEquals(0, crop.channel(0, 0, 0));
    assertEquals(0, crop.channel(0, 0, 1));
    assertTrue(crop.channel(19, 19, 0) > 0);
  }

  @Test
  void fallbackCropIsFlagged() {
    FaceAligner aligner = FaceAligner.dlibChip();
    AlignedFace face =
        aligner.cropFallback(gradient(), new FaceBox(100, 100, 80, 80, 1, FaceBox.View.FRONTAL));
    assertTrue(face.fallbackCrop());
    assertEquals(150, face.chip().width());
  }

  /**
   * Landmarks whose five ArcFace points (eye centres, nose tip 30, mouth corners 48 and 54) lie at
   * InsightFace's 112-pixel template times {@code scale} plus ({@code left}, {@code top}); the
   * other landmarks sit far away, so only the five points can give the expected chip.
   */
  private static Landmarks arcFaceAt(double left, double top, double scale) {
    double[][] template = {
      {38.2946, 51.6963},
      {73.5318, 51.5014},
      {56.0252, 71.7366},
      {41.5493, 92.3655},
      {70.7299, 92.2041}
    };
    double[] xy = new double[136];
    java.util.Arrays.fill(xy, 5);
    int[][] points = {{36, 37, 38, 39, 40, 41}, {42, 43, 44, 45, 46, 47}, {30}, {48}, {54}};
    for (int p = 0; p < points.length; p++) {
      for (int i : points[p]) {
        xy[2 * i] = left + template[p][0] * scale;
        xy[2 * i + 1] = top + template[p][1] * scale;
      }
    }
    return new Landmarks(xy);
  }

  @Test
  void arcFaceChipMapsTheFivePointsOntoInsightFacesTemplate() {
    FaceAligner aligner = FaceAligner.forNetwork(ChipAlignment.ARCFACE, 112);
    assertEquals(ChipAlignment.ARCFACE, aligner.alignment());
    FaceBox box = new FaceBox(60, 90, 150, 150, 1, FaceBox.View.FRONTAL);
    AlignedFace face = aligner.align(gradient(), box, arcFaceAt(30, 40, 1.5));
    // chip pixel (x, y) samples image (30 + 1.5 x, 40 + 1.5 y): red is x, green is y
    assertEquals(30 + 1.5 * 20, face.chip().channel(20, 56, 0), 1);
    assertEquals(30 + 1.5 * 100, face.chip().channel(100, 56, 0), 1);
    assertEquals(40 + 1.5 * 10, face.chip().channel(56, 10, 1), 1);
    assertEquals(40 + 1.5 * 100, face.chip().channel(56, 100, 1), 1);
    Landmarks inChip = aligner.chipLandmarks(face.landmarks());
    assertEquals(56.0252, inChip.x(30), 1e-6);
    assertEquals(92.2041, inChip.y(54), 1e-6);
  }

  @Test
  void arcFaceTemplateScalesWithTheChip() {
    FaceAligner aligner = FaceAligner.forNetwork(ChipAlignment.ARCFACE, 224);
    Landmarks inChip = aligner.chipLandmarks(arcFaceAt(30, 40, 1.5));
    assertEquals(2 * 38.2946, (inChip.x(36) + inChip.x(39)) / 2, 1e-6);
    assertEquals(2 * 71.7366, inChip.y(30), 1e-6);
  }

  @Test
  void dlibIsTheDefaultAlignment() {
    assertEquals(ChipAlignment.DLIB, new FaceAligner(112, 0.25).alignment());
    assertEquals(ChipAlignment.DLIB, ChipAlignment.byId(null));
    assertEquals(ChipAlignment.ARCFACE, ChipAlignment.byId("arcface"));
  }
}
