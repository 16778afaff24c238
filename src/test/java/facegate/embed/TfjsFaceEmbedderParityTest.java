package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import facegate.core.Embedding;
import facegate.core.RgbImage;
import facegate.vision.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The human-models embedders (faceres, faceres-deep, mobilefacenet, mobileface) through {@link
 * GraphFaceEmbedder} against tfjs itself: each case of reference/embedders/reference.json (written
 * by src/test/node/graph/make-embedder-reference.js, tfjs 4.22.0 pure-JS cpu backend) embeds the
 * same 8-bit input PNG, scaled as the model's model.json says; the L2-normalised tfjs output and
 * the embedder's must agree value by value within {@link #MAX_ABS}.
 */
class TfjsFaceEmbedderParityTest {
  private static final Path REFERENCE = Path.of("src/test/resources/reference/embedders");
  private static final double MAX_ABS = 1e-4;

  @TestFactory
  Stream<DynamicTest> matchesTfjs() throws IOException {
    return TfjsGraphParityTest.referenceCases(REFERENCE).stream()
        .map(
            reference ->
                DynamicTest.dynamicTest(
                    reference.get("name").getAsString(), () -> matches(reference)));
  }

  private static void matches(JsonObject reference) throws IOException {
    String name = reference.get("name").getAsString();
    RgbImage chip = new ImageDecoder().decode(Files.readAllBytes(REFERENCE.resolve(name + ".png")));
    float[] expected =
        Embedding.normalize(TfjsGraphParityTest.floats(REFERENCE.resolve(name + ".f32"))).values();
    try (GraphFaceEmbedder embedder =
        GraphFaceEmbedder.load(Path.of("models", reference.get("model").getAsString()))) {
      assertEquals(expected.length, embedder.dimension(), name + " dimension");
      float[] actual = embedder.embed(List.of(chip)).get(0).values();
      double worst = TfjsGraphParityTest.maxAbsDifference(expected, actual);
      System.out.printf("%s max |djl - tfjs| = %.3g (L2-normalised)%n", name, worst);
      assertTrue(worst <= MAX_ABS, name + " differs by " + worst);
    }
  }
}
