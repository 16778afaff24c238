package facegate.liveness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceBox;
import facegate.core.FaceException;
import facegate.core.Liveness;
import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextureLivenessDetectorTest {
  private static final FaceBox FACE = new FaceBox(100, 60, 80, 100, 3, FaceBox.View.FRONTAL);

  @Test
  void featuresOfAFlatCropAreFiniteAndDifferFromTexturedOnes() {
    double[] flat = TextureFeatures.of(new RgbImage(16, 16, filled(16 * 16 * 3, (byte) 90)));
    assertEquals(TextureFeatures.COUNT, flat.length);
    assertTrue(Arrays.stream(flat).allMatch(Double::isFinite), Arrays.toString(flat));
    double[] textured = TextureFeatures.of(noise(16, 16, 1));
    assertNotEquals(flat[TextureFeatures.COUNT - 1], textured[TextureFeatures.COUNT - 1]);
  }

  @Test
  void cropsOnlyAroundTheRegionAsTheWholeImageWould() {
    RgbImage image = gradient(320, 240);
    FaceBox region = TextureLivenessDetector.region(FACE, 1.5);
    RgbImage fast = TextureLivenessDetector.crop(image, region, 64);
    RgbImage whole =
        FaceAligner.cropSquare(image, region.centerX(), region.centerY(), region.width(), 64);
    int largest = 0;
    for (int i = 0; i < fast.rgb().length; i++) {
      largest = Math.max(largest, Math.abs((fast.rgb()[i] & 0xff) - (whole.rgb()[i] & 0xff)));
    }
    // the box filter's grid starts at the copied part's corner, so values may differ a little
    assertTrue(largest <= 3, "largest difference " + largest);
    FaceBox outside = new FaceBox(1000, 1000, 50, 50, 1, FaceBox.View.FRONTAL);
    assertArrayEquals(new byte[8 * 8 * 3], TextureLivenessDetector.crop(image, outside, 8).rgb());
  }

  @Test
  void scoresWithTheModelAndReportsTheLargestRegion(@TempDir Path folder) throws Exception {
    double[] scales = {1.0, 2.0};
    int features = TextureLivenessModel.featureCount(2);
    double[] weights = new double[features];
    weights[TextureFeatures.COUNT - 1] = 1; // sharpness of the face crop
    double[] ones = filled(features, 1.0);
    TextureLivenessModel model =
        new TextureLivenessModel(
            scales, 32, weights, 0.5, new double[features], ones, 0.4, Map.of("note", "test"));
    model.write(folder);
    TextureLivenessDetector detector = TextureLivenessDetector.load(folder);
    RgbImage image = noise(320, 240, 3);
    Liveness liveness = detector.assess(image, FACE);
    double sharpness =
        TextureLivenessDetector.features(image, FACE, scales, 32)[TextureFeatures.COUNT - 1];
    assertEquals(1 / (1 + Math.exp(-(0.5 + sharpness))), liveness.score(), 1e-12);
    assertEquals(200, liveness.region().width(), 1e-9); // 2 x the box's larger side
    assertEquals(0.4, detector.model().threshold());
    assertEquals("test", detector.model().manifest().get("note"));
  }

  @Test
  void aMissingOrBrokenModelFailsWithItsCode(@TempDir Path folder) throws Exception {
    FaceException missing =
        assertThrows(FaceException.class, () -> TextureLivenessDetector.load(folder));
    assertEquals(ErrorCode.MODEL_NOT_FOUND, missing.errorCode());
    Files.writeString(folder.resolve(TextureLivenessModel.FILE_NAME), "{\"cropScales\": [1.0]}");
    FaceException broken =
        assertThrows(FaceException.class, () -> TextureLivenessDetector.load(folder));
    assertEquals(ErrorCode.MODEL_INVALID, broken.errorCode());
  }

  private static RgbImage noise(int width, int height, long seed) {
    byte[] rgb = new byte[width * height * 3];
    new Random(seed).nextBytes(rgb);
    return new RgbImage(width, height, rgb);
  }

  /** Smooth: red grows to the right, green downwards. */
  private static RgbImage gradient(int width, int height) {
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        rgb[(y * width + x) * 3] = (byte) (x * 255 / width);
        rgb[(y * width + x) * 3 + 1] = (byte) (y * 255 / height);
        rgb[(y * width + x) * 3 + 2] = (byte) 128;
      }
    }
    return new RgbImage(width, height, rgb);
  }

  private static byte[] filled(int length, byte value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, value);
    return bytes;
  }

  private static double[] filled(int length, double value) {
    double[] values = new double[length];
    Arrays.fill(values, value);
    return values;
  }
}
