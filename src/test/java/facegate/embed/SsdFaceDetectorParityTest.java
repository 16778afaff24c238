package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.FaceBox;
import facegate.core.RgbImage;
import facegate.vision.Fixtures;
import facegate.vision.ImageDecoder;
import facegate.vision.SsdFaceDetector;
import facegate.vision.SsdSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed SSD model against face-api itself: on the PNGs in reference/ssd (made by {@code
 * facegate.vision.SsdReferenceInputs}) the detector must find the boxes that face-api 1.7.15's
 * {@code ssdMobilenetv1.locateFaces} (tfjs cpu backend) found, stored in
 * reference/ssd-reference.json by src/test/node/make-ssd-reference.js. On 512x512 inputs both sides
 * see identical network input; the one other image is padded and resized by each side, facegate
 * rounding to 8 bits.
 */
class SsdFaceDetectorParityTest {
  private static final Path REFERENCE = Path.of("src/test/resources/reference");
  private static final Path MODEL = Path.of("models/ssd-mobilenetv1-faceapi");
  private static final double MIN_IOU_512 = 0.99;
  private static final double MAX_SCORE_DIFFERENCE_512 = 1e-3;
  private static final double MIN_IOU_RESIZED = 0.97;
  private static final double MAX_SCORE_DIFFERENCE_RESIZED = 0.01;

  private static JsonObject reference;
  private static SsdFaceDetector detector;

  @BeforeAll
  static void load() throws IOException {
    reference =
        JsonParser.parseString(Files.readString(REFERENCE.resolve("ssd-reference.json")))
            .getAsJsonObject();
    SsdSettings settings =
        SsdSettings.defaults()
            .withMinConfidence(reference.get("minConfidence").getAsDouble())
            .withMaxResults(reference.get("maxResults").getAsInt())
            .withPredictors(1);
    detector = new SsdFaceDetector(DjlSsdMobilenet.load(MODEL, settings.predictors()), settings);
  }

  @AfterAll
  static void close() {
    if (detector != null) {
      detector.close();
    }
  }

  @Test
  void boxesAndScoresMatchFaceApi() throws IOException {
    double worstIou512 = 1;
    double worstScore512 = 0;
    int compared = 0;
    for (JsonElement element : reference.getAsJsonArray("images")) {
      JsonObject image = element.getAsJsonObject();
      String file = image.get("file").getAsString();
      RgbImage rgb =
          new ImageDecoder().decode(Files.readAllBytes(REFERENCE.resolve("ssd").resolve(file)));
      boolean identicalInput = rgb.width() == 512 && rgb.height() == 512;
      List<FaceBox> found = detector.detect(rgb);
      assertEquals(image.getAsJsonArray("detections").size(), found.size(), file + ": " + found);
      for (JsonElement d : image.getAsJsonArray("detections")) {
        JsonObject expected = d.getAsJsonObject();
        FaceBox want =
            new FaceBox(
                expected.get("x").getAsDouble(),
                expected.get("y").getAsDouble(),
                expected.get("width").getAsDouble(),
                expected.get("height").getAsDouble(),
                expected.get("score").getAsDouble(),
                FaceBox.View.ANY);
        FaceBox best = found.stream().max((a, b) -> Double.compare(a.iou(want), b.iou(want))).get();
        double iou = best.iou(want);
        double scoreDifference = Math.abs(best.score() - want.score());
        System.out.printf(
            "ssd parity %s: IoU %.5f, |score diff| %.2e (face-api %.4f)%n",
            file, iou, scoreDifference, want.score());
        if (identicalInput) {
          worstIou512 = Math.min(worstIou512, iou);
          worstScore512 = Math.max(worstScore512, scoreDifference);
          assertTrue(iou >= MIN_IOU_512, file + ": IoU " + iou + " " + best + " vs " + want);
          assertTrue(scoreDifference < MAX_SCORE_DIFFERENCE_512, file + ": score " + best);
        } else {
          assertTrue(iou >= MIN_IOU_RESIZED, file + ": IoU " + iou + " " + best + " vs " + want);
          assertTrue(scoreDifference < MAX_SCORE_DIFFERENCE_RESIZED, file + ": score " + best);
        }
        compared++;
      }
    }
    assertTrue(compared >= 5, "the reference must hold several faces, has " + compared);
    System.out.printf(
        "ssd parity on identical 512 inputs: worst IoU %.6f, worst |score diff| %.2e%n",
        worstIou512, worstScore512);
  }

  @Test
  void aFixtureFaceIsFoundOnceNearTheCentre() {
    SsdFaceDetector defaults =
        new SsdFaceDetector(DjlSsdMobilenet.load(MODEL, 1), SsdSettings.defaults());
    try (defaults) {
      RgbImage image = new ImageDecoder().decode(Fixtures.bytes(Fixtures.lfwImages().get(0)));
      List<FaceBox> faces = defaults.detect(image);
      assertEquals(1, faces.size(), faces.toString());
      FaceBox face = faces.get(0);
      assertEquals(image.width() / 2.0, face.centerX(), 25, face.toString());
      assertEquals(image.height() / 2.0, face.centerY(), 25, face.toString());
      assertTrue(face.width() > 50 && face.width() < 200, face.toString());
    }
  }
}
