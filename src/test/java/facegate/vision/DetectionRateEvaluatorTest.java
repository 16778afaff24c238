package facegate.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.FaceBox;
import facegate.core.FaceBox.View;
import facegate.core.FaceDetector;
import facegate.core.RgbImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionRateEvaluatorTest {
  @TempDir Path folder;

  /** Answers by the first pixel's red value: 0 none, 1 frontal at centre, 2 profile off-centre. */
  private static final FaceDetector BY_RED =
      image ->
          switch (image.channel(0, 0, 0)) {
            case 1 -> List.of(new FaceBox(10, 10, 30, 30, 5, View.FRONTAL));
            case 2 ->
                List.of(
                    new FaceBox(0, 0, 10, 10, 3, View.PROFILE_LEFT),
                    new FaceBox(40, 40, 5, 5, 3, View.FRONTAL));
            default -> List.of();
          };

  @Test
  void countsDetectionsViewsCentreHitsAndUnreadableFiles() throws IOException {
    write("a/one.png", 1);
    write("a/two.png", 1);
    write("b/three.png", 2);
    write("b/four.png", 0);
    Files.writeString(folder.resolve("b/broken.jpg"), "not an image", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("notes.txt"), "ignored", StandardCharsets.UTF_8);

    DetectionRate rate =
        new DetectionRateEvaluator(BY_RED, new ImageDecoder()).evaluate(folder, 0, 2);

    assertEquals(4, rate.images());
    assertEquals(1, rate.unreadable());
    assertEquals(3, rate.detected());
    assertEquals(0.75, rate.rate(), 1e-12);
    assertEquals(2, rate.frontal());
    assertEquals(1, rate.profile());
    assertEquals(2, rate.centreContained());
    assertEquals(2, rate.largestContainsCentre());
    assertEquals(4, rate.faces());
  }

  @Test
  void limitTakesTheFirstFilesInPathOrder() throws IOException {
    write("a.png", 1);
    write("b.png", 0);
    write("c.png", 1);
    DetectionRate rate =
        new DetectionRateEvaluator(BY_RED, new ImageDecoder()).evaluate(folder, 2, 1);
    assertEquals(2, rate.images());
    assertEquals(1, rate.detected());
  }

  @Test
  void emptyFolderGivesZeroImages() {
    DetectionRate rate =
        new DetectionRateEvaluator(BY_RED, new ImageDecoder()).evaluate(folder, 0, 1);
    assertEquals(0, rate.images());
    assertEquals(0.0, rate.rate());
  }

  @Test
  void refusesBadArguments() {
    DetectionRateEvaluator evaluator = new DetectionRateEvaluator(BY_RED, new ImageDecoder());
    assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(folder, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(folder, 0, 0));
  }

  /** A 50x50 PNG whose every pixel is (red, 0, 0). */
  private void write(String name, int red) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    byte[] rgb = new byte[50 * 50 * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) red;
    }
    Files.write(file, PngWriter.encode(new RgbImage(50, 50, rgb)));
  }
}
