package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.AnchorScores;
import facegate.core.DetectionNetwork;
import facegate.core.FaceBox;
import facegate.core.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coordinate mapping and filtering of {@link SsdFaceDetector}, on a network stand-in. */
class SsdFaceDetectorTest {
  /** Returns fixed anchors; records the side of the square it was given. */
  private static final class FixedNetwork implements DetectionNetwork {
    private final AnchorScores anchors;
    int seenSide;

    FixedNetwork(AnchorScores anchors) {
      this.anchors = anchors;
    }

    @Override
    public int inputSize() {
      return 8;
    }

    @Override
    public AnchorScores detect(RgbImage square) {
      seenSide = square.width() == square.height() ? square.width() : -1;
      return anchors;
    }

    @Override
    public void close() {}
  }

  @Test
  void mapsRelativeBoxesToPixelsOfThePaddedSquareAndClipsToTheImage() {
    float[] boxes = {
      0.1f, 0.2f, 0.3f, 0.6f, // 200x100 image, side 200: x 40..120, y 20..60
      0.7f, 0.1f, 0.9f, 0.3f, // y 140..180: wholly in the bottom padding, dropped
      0.4f, 0.9f, 0.6f, 1.2f, // x 180..240 clipped to 200, y 80..120 clipped to 100
      0.1f, 0.2f, 0.3f, 0.6f // a weaker duplicate of the first, suppressed
    };
    float[] scores = {0.9f, 0.95f, 0.6f, 0.8f};
    FixedNetwork network = new FixedNetwork(new AnchorScores(boxes, scores));
    try (SsdFaceDetector detector = new SsdFaceDetector(network, SsdSettings.defaults())) {
      List<FaceBox> faces = detector.detect(new RgbImage(200, 100, new byte[200 * 100 * 3]));
      assertEquals(8, network.seenSide);
      assertEquals(2, faces.size(), faces.toString());
      assertBox(faces.get(0), 40, 20, 80, 40, 0.9);
      assertBox(faces.get(1), 180, 80, 20, 20, 0.6);
      assertEquals(FaceBox.View.ANY, faces.get(0).view());
    }
  }

  @Test
  void noAnchorAboveTheMinimumConfidenceIsNoFace() {
    float[] boxes = {0.1f, 0.1f, 0.5f, 0.5f};
    FixedNetwork network = new FixedNetwork(new AnchorScores(boxes, new float[] {0.49f}));
    try (SsdFaceDetector detector = new SsdFaceDetector(network, SsdSettings.defaults())) {
      assertTrue(detector.detect(new RgbImage(10, 10, new byte[300])).isEmpty());
    }
  }

  private static void assertBox(FaceBox box, double x, double y, double w, double h, double s) {
    assertEquals(x, box.x(), 1e-4, box.toString());
    assertEquals(y, box.y(), 1e-4, box.toString());
    assertEquals(w, box.width(), 1e-4, box.toString());
    assertEquals(h, box.height(), 1e-4, box.toString());
    assertEquals(s, box.score(), 1e-6, box.toString());
  }
}
