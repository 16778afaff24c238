package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.AlignedFace;
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
}
