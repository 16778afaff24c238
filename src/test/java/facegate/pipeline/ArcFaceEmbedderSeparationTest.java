package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ChipAlignment;
import facegate.core.Embedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * MobileFace ({@code models/mobileface}) through the whole pipeline on the LFW fixtures (12 people,
 * 3 photos each): its embeddings must tell people apart. With the former input (0-1 pixels, on the
 * dlib chip or the ArcFace chip) every face got nearly the same embedding: genuine and impostor
 * mean cosines both 0.9999, 2.4e-5 apart, AUC 0.66. With the card's 0-255 input on the ArcFace
 * chip: 0.38 vs 0.06, AUC 0.97. Parity with tfjs ({@code TfjsFaceEmbedderParityTest}) cannot catch
 * a wrong input, as both sides get the same one.
 */
class ArcFaceEmbedderSeparationTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/lfw");

  @Test
  void mobileFaceSeparatesTheFixturePeople() throws IOException {
    List<String> people = new ArrayList<>();
    List<Embedding> embeddings = new ArrayList<>();
    try (FaceRecognizer recognizer =
            Composition.recognizer(
                PipelineSettings.inFolder(
                    Path.of("models"),
                    "mobileface",
                    "landmark68-faceapi",
                    "ssd-mobilenetv1-faceapi",
                    1,
                    null));
        Stream<Path> photos = Files.walk(FIXTURES)) {
      assertEquals(ChipAlignment.ARCFACE, recognizer.embedder().chipAlignment());
      for (Path photo : photos.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
        embeddings.add(recognizer.largestFace(Files.readAllBytes(photo)).embedding());
        people.add(photo.getParent().getFileName().toString());
      }
    }
    assertEquals(36, embeddings.size());
    List<Double> genuine = new ArrayList<>();
    List<Double> impostor = new ArrayList<>();
    for (int i = 0; i < embeddings.size(); i++) {
      for (int j = i + 1; j < embeddings.size(); j++) {
        double cosine = embeddings.get(i).cosine(embeddings.get(j));
        (people.get(i).equals(people.get(j)) ? genuine : impostor).add(cosine);
      }
    }
    double gap = mean(genuine) - mean(impostor);
    long ordered = 0;
    for (double g : genuine) {
      ordered += impostor.stream().filter(s -> s < g).count();
    }
    double auc = ordered / (double) (genuine.size() * impostor.size());
    System.out.printf(
        "mobileface fixtures: genuine mean %.4f, impostor mean %.4f, AUC %.4f%n",
        mean(genuine), mean(impostor), auc);
    assertTrue(gap > 0.2, "genuine - impostor mean cosine " + gap);
    assertTrue(auc > 0.9, "share of genuine pairs above impostor pairs " + auc);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
