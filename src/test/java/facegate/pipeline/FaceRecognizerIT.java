package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.AlignedFace;
import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import facegate.eval.PairsEvaluation;
import facegate.eval.PairsProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline with the real models on the LFW fixture images. */
class FaceRecognizerIT {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static FaceRecognizer recognizer;

  @BeforeAll
  static void open() {
    recognizer = ShippedPipeline.open(2);
  }

  @AfterAll
  static void close() {
    recognizer.close();
  }

  private static byte[] read(String person, int number) {
    try {
      return Files.readAllBytes(PairsProtocol.imagePath(FIXTURES.resolve("lfw"), person, number));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void alignsTheCentralFaceWithLandmarksToA150Chip() {
    RgbImage image = recognizer.decode(read("Mick_Jagger", 1));
    List<AlignedFace> faces = recognizer.alignFaces(image, false);
    assertEquals(1, faces.size());
    AlignedFace face = faces.get(0);
    assertFalse(face.fallbackCrop());
    assertEquals(150, face.chip().width());
    // LFW deep-funneled faces are centred: the nose tip (landmark 30) is near (125, 125).
    assertEquals(125, face.landmarks().x(30), 20);
    assertEquals(125, face.landmarks().y(30), 25);
  }

  @Test
  void samePersonScoresAboveDifferentPeople() {
    Embedding steffi1 = recognizer.largestFace(read("Steffi_Graf", 1)).embedding();
    Embedding steffi2 = recognizer.largestFace(read("Steffi_Graf", 2)).embedding();
    Embedding thabo = recognizer.largestFace(read("Thabo_Mbeki", 1)).embedding();
    assertTrue(
        steffi1.cosine(steffi2) > steffi1.cosine(thabo) + 0.05,
        steffi1.cosine(steffi2) + " vs " + steffi1.cosine(thabo));
  }

  @Test
  void anImageWithoutAFaceIsNoFace() {
    byte[] gray = new byte[200 * 200 * 3];
    java.util.Arrays.fill(gray, (byte) 128);
    RgbImage flat = new RgbImage(200, 200, gray);
    assertTrue(recognizer.alignFaces(flat, true).isEmpty());
    FaceException e =
        assertThrows(FaceException.class, () -> recognizer.largestFace(new byte[] {1, 2, 3}));
    assertEquals(ErrorCode.NOT_AN_IMAGE, e.errorCode());
  }

  @Test
  void fixturePairsAreVerifiedNearlyPerfectly() {
    PairsProtocol protocol = PairsProtocol.read(FIXTURES.resolve("pairs-fixtures.txt"));
    PairsEvaluation.Result result =
        PairsEvaluation.run(
            protocol,
            FIXTURES.resolve("lfw"),
            path -> recognizer.findLargest(readPath(path)),
            2,
            done -> {});
    assertEquals(0, result.report().failures());
    assertTrue(result.report().accuracy() >= 0.95, result.report().summaryLine());
  }

  private static byte[] readPath(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
