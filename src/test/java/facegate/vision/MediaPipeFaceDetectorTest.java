package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.FaceBox;
import facegate.core.FaceKeypoints;
import facegate.core.RgbImage;
import facegate.embed.TfjsImageNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed MediaPipe models through {@link MediaPipeFaceDetector} on fixture photos: a frontal
 * LFW face (full range), two CFP profiles (near 90 degrees yaw, which the cascade + SSD pipeline
 * often misses; short range with the pipeline's margin) and a crop where the face fills the frame.
 */
class MediaPipeFaceDetectorTest {
  static final Path MODEL =
      Path.of("models/mediapipe-face-detection-full/facemesh-detection-full.json");
  private static final Path CFP = Path.of("src/test/resources/fixtures/cfp");
  static final Path SHORT_MODEL =
      Path.of("models/mediapipe-face-detection-short/facemesh-detection-short.json");
  private static MediaPipeFaceDetector detector;
  private static MediaPipeFaceDetector shortRange;

  @BeforeAll
  static void load() {
    detector =
        new MediaPipeFaceDetector(
            TfjsImageNetwork.load(MODEL, "Identity", 1 / 127.5f, -1f),
            MediaPipeFaceDetector.Range.FULL,
            MediaPipeSettings.defaults());
    shortRange =
        new MediaPipeFaceDetector(
            TfjsImageNetwork.load(SHORT_MODEL, "Identity", 1 / 127.5f, -1f),
            MediaPipeFaceDetector.Range.SHORT,
            MediaPipeSettings.defaults().withFill(0.7));
  }

  @AfterAll
  static void close() {
    if (detector != null) {
      detector.close();
    }
    if (shortRange != null) {
      shortRange.close();
    }
  }

  private static RgbImage decode(byte[] bytes) {
    return new ImageDecoder().decode(bytes);
  }

  @Test
  void findsTheFrontalFaceWithItsKeypointsInPlace() {
    RgbImage image = decode(Fixtures.lfw("Clay_Aiken", 1));
    List<FaceBox> faces = detector.detect(image);
    assertEquals(1, faces.size(), faces.toString());
    FaceBox face = faces.get(0);
    // LFW deep-funneled: the face is centred in the 250x250 frame.
    assertEquals(125, face.centerX(), 25);
    assertEquals(125, face.centerY(), 30);
    assertTrue(face.width() > 60 && face.width() < 200, face.toString());
    FaceKeypoints points = face.keypoints();
    // The person's right eye is on the image's left; eyes above nose above mouth.
    assertTrue(points.x(FaceKeypoints.RIGHT_EYE) < points.x(FaceKeypoints.LEFT_EYE));
    double eyesY = (points.y(FaceKeypoints.RIGHT_EYE) + points.y(FaceKeypoints.LEFT_EYE)) / 2;
    assertTrue(eyesY < points.y(FaceKeypoints.NOSE_TIP));
    assertTrue(points.y(FaceKeypoints.NOSE_TIP) < points.y(FaceKeypoints.MOUTH));
  }

  @Test
  void findsProfiles() throws IOException {
    for (String name : List.of("cfp001_0011.jpg", "cfp001_0013.jpg")) {
      RgbImage image = decode(Files.readAllBytes(CFP.resolve(name)));
      List<FaceBox> faces = shortRange.detect(image);
      assertEquals(1, faces.size(), name + ": " + faces);
      FaceBox face = faces.get(0);
      assertTrue(face.area() > 0.1 * image.width() * image.height(), name + ": " + face);
      assertTrue(face.score() >= 0.5, name + ": " + face);
    }
  }

  @Test
  void findsAFaceThatFillsTheFrame() {
    RgbImage image = decode(Fixtures.lfw("Clay_Aiken", 1));
    FaceBox whole = detector.detect(image).get(0);
    // Crop to the face box itself: the face now touches every edge.
    int left = (int) whole.x();
    int top = (int) whole.y();
    int width = (int) whole.width();
    int height = (int) whole.height();
    byte[] rgb = new byte[width * height * 3];
    for (int row = 0; row < height; row++) {
      System.arraycopy(
          image.rgb(), ((top + row) * image.width() + left) * 3, rgb, row * width * 3, width * 3);
    }
    RgbImage crop = new RgbImage(width, height, rgb);
    List<FaceBox> faces = detector.detect(crop);
    assertEquals(1, faces.size(), faces.toString());
    assertTrue(faces.get(0).area() > 0.5 * width * height, faces.get(0).toString());
  }

  @Test
  void bothRangesFindTheFrontalFaceInTheSamePlace() {
    RgbImage image = decode(Fixtures.lfw("Clay_Aiken", 1));
    FaceBox full = detector.detect(image).get(0);
    FaceBox near = shortRange.detect(image).get(0);
    assertTrue(full.iou(near) > 0.5, full + " vs " + near);
  }

  @Test
  void findsNoFaceInAFlatImage() {
    RgbImage black = new RgbImage(300, 200, new byte[300 * 200 * 3]);
    assertTrue(detector.detect(black).isEmpty());
    assertTrue(shortRange.detect(black).isEmpty());
  }
}
