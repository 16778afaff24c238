package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.RgbImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Forward passes leave nothing behind on the model's manager. Before {@link ParameterViews}, every
 * dlib ResNet pass added two arrays per convolution layer there (and the SSD its batch norm and
 * anchor arrays), for as long as the service ran.
 */
class PredictorPoolLeakTest {
  @Test
  void embeddingNetworkKeepsNoArraysFromItsCalls() {
    try (PredictorPool pool =
        PredictorPool.loadEmbedding(Path.of("models/dlib-resnet-faceapi"), 1, 4)) {
      assertNoGrowth(pool);
    }
  }

  @Test
  void landmarkNetworkKeepsNoArraysFromItsCalls() {
    try (PredictorPool pool =
        PredictorPool.load(Path.of("models/landmark68-faceapi"), FaceApiNetwork.LANDMARKS, 1, 4)) {
      assertNoGrowth(pool);
    }
  }

  @Test
  void ssdDetectorKeepsNoArraysFromItsCalls() {
    try (PredictorPool pool =
        PredictorPool.load(
            Path.of("models/ssd-mobilenetv1-faceapi"), FaceApiNetwork.SSD_MOBILENET, 1, 1)) {
      assertNoGrowth(pool);
    }
  }

  private static void assertNoGrowth(PredictorPool pool) {
    int size = pool.inputSize();
    byte[] rgb = new byte[size * size * 3];
    new Random(3).nextBytes(rgb);
    List<RgbImage> batch = List.of(new RgbImage(size, size, rgb), new RgbImage(size, size, rgb));
    pool.run(batch);
    int before = pool.arraysHeldByModel();
    for (int i = 0; i < 3; i++) {
      pool.run(batch);
    }
    assertEquals(before, pool.arraysHeldByModel(), "arrays left on the model's manager");
  }
}
