package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.Embedding;
import facegate.core.FaceBox;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.embed.FaceEmbedder;
import facegate.embed.LandmarkLocator;
import facegate.vision.ImageDecoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where {@link FaceRecognizer#locateLandmarks} crops, and how many passes it makes per view. */
class LandmarkCropTest {
  /**
   * Answers the even points 16 px up-left of the crop's centre and the odd ones 16 px down-right,
   * so that each pair's mean is where the crop was centred.
   */
  private static final class CentreLocator implements LandmarkLocator {
    final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public int inputSize() {
      return 112;
    }

    @Override
    public List<Landmarks> locate(List<RgbImage> crops) {
      batchSizes.add(crops.size());
      List<Landmarks> all = new ArrayList<>();
      for (int i = 0; i < crops.size(); i++) {
        double[] xy = new double[2 * Landmarks.COUNT];
        for (int point = 0; point < Landmarks.COUNT; point++) {
          Arrays.fill(xy, 2 * point, 2 * point + 2, point % 2 == 0 ? 40 : 72);
        }
        all.add(new Landmarks(xy));
      }
      return all;
    }

    @Override
    public void close() {}
  }

  private static final class NoEmbedder implements FaceEmbedder {
    @Override
    public int inputSize() {
      return 150;
    }

    @Override
    public int dimension() {
      return 128;
    }

    @Override
    public List<Embedding> embed(List<RgbImage> chips) {
      throw new UnsupportedOperationException("not used");
    }

    @Override
    public void close() {}
  }

  private static final RgbImage IMAGE = new RgbImage(300, 300, new byte[300 * 300 * 3]);

  private static FaceRecognizer recognizer(CentreLocator locator) {
    return new FaceRecognizer(
        new ImageDecoder(), image -> List.of(), locator, new NoEmbedder(), List.of());
  }

  @Test
  void frontalBoxTakesOnePassOnTheCalibratedCrop() {
    CentreLocator locator = new CentreLocator();
    FaceBox box = new FaceBox(100, 80, 60, 50, 10, FaceBox.View.FRONTAL);
    Landmarks found = recognizer(locator).locateLandmarks(IMAGE, box);
    assertEquals(List.of(1), locator.batchSizes);
    // the crop's centre: the box's, moved down by 0.148 of the box's larger side (60)
    assertEquals(130, (found.x(0) + found.x(1)) / 2, 1e-9);
    assertEquals(
        105 + FaceRecognizer.FRONTAL_CROP_SHIFT_DOWN * 60, (found.y(0) + found.y(1)) / 2, 1e-9);
    // and its side: 1.10 of the box's larger side, so the 32 px spread in the crop scales by 66/112
    assertEquals(32 * FaceRecognizer.FRONTAL_CROP_SCALE * 60 / 112, found.x(1) - found.x(0), 1e-9);
  }

  @Test
  void profileAndSsdBoxesTakeTwoPasses() {
    for (FaceBox.View view : List.of(FaceBox.View.PROFILE_LEFT, FaceBox.View.ANY)) {
      CentreLocator locator = new CentreLocator();
      FaceBox box = new FaceBox(100, 80, 60, 50, 10, view);
      Landmarks found = recognizer(locator).locateLandmarks(IMAGE, box);
      assertEquals(List.of(1, 1), locator.batchSizes, view.toString());
      // the first crop centred on the box, the second on the first's landmarks: the same centre
      assertEquals(130, (found.x(0) + found.x(1)) / 2, 1e-9);
      assertEquals(105, (found.y(0) + found.y(1)) / 2, 1e-9);
    }
  }
}
