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
 * The ArcFace-chip embedders through the whole pipeline on the LFW fixtures (12 people, 3 photos
 * each): their embeddings must tell people apart. MobileFace ({@code models/mobileface}, TFJS):
 * With the former input (0-1 pixels, on the dlib chip or the ArcFace chip) every face got nearly
 * the same embedding: genuine and impostor mean cosines both 0.9999, 2.4e-5 apart, AUC 0.66. With
 * the card's 0-255 input on the ArcFace chip: 0.38 vs 0.06, AUC 0.97. FacePlugin's network ({@code
 * models/faceplugin-mfn512}, ONNX), on its card's (pixel - 127) / 128: 0.58 vs 0.01, AUC 0.9997.
 * Parity with tfjs or onnxruntime ({@code TfjsFaceEmbedderParityTest}, {@code
 * OnnxEmbedderParityTest}) cannot catch a wrong input, as both sides get the same one.
 */
class ArcFaceEmbedderSeparationTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/lfw");

  @Test
  void mobileFaceSeparatesTheFixturePeople() throws IOException {
    separatesTheFixturePeople("mobileface", 0.2, 0.9);
  }

  @Test
  void facePluginSeparatesTheFixturePeople() throws IOException {
    separatesTheFixturePeople("faceplugin-mfn512", 0.4, 0.99);
  }

  private static void separatesTheFixturePeople(String model, double minGap, double minAuc)
      throws IOException {
    List<String> people = new ArrayList<>();
    List<Embedding> embeddings = new ArrayList<>();
    try (FaceRecognizer recognizer =
            Composition.recognizer(
                PipelineSettings.inFolder(
                    Path.of("models"),
                    model,
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
        "%s fixtures: genuine mean %.4f, impostor mean %.4f, AUC %.4f%n",
        model, mean(genuine), mean(impostor), auc);
    assertTrue(gap > minGap, model + ": genuine - impostor mean cosine " + gap);
    assertTrue(auc > minAuc, model + ": share of genuine pairs above impostor pairs " + auc);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
