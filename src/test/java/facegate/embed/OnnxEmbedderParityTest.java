package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import facegate.core.Embedding;
import facegate.core.RgbImage;
import facegate.vision.ImageDecoder;
import facegate.vision.Mirror;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The ONNX face embedders under models/ through {@link GraphFaceEmbedder} (so {@link OnnxGraph})
 * against onnxruntime itself: each case of reference/onnx-embedders/reference.json (written by
 * src/test/node/onnx/make-onnx-reference.js, onnxruntime-node 1.14.0 CPU) embeds the same 8-bit
 * chip, mirrored or not, with the input the model's model.json describes; the L2-normalised outputs
 * must agree value by value within {@link #MAX_ABS}.
 */
class OnnxEmbedderParityTest {
  private static final Path REFERENCE = Path.of("src/test/resources/reference/onnx-embedders");
  private static final Path CHIPS = Path.of("src/test/resources/reference/embedders");
  private static final double MAX_ABS = 1e-4;

  @TestFactory
  Stream<DynamicTest> matchesOnnxRuntime() throws IOException {
    List<JsonObject> cases = TfjsGraphParityTest.referenceCases(REFERENCE);
    assertTrue(cases.size() >= 2, "reference cases: " + cases.size());
    return cases.stream()
        .map(
            reference ->
                DynamicTest.dynamicTest(
                    reference.get("name").getAsString(), () -> matches(reference)));
  }

  private static void matches(JsonObject reference) throws IOException {
    String name = reference.get("name").getAsString();
    RgbImage chip =
        new ImageDecoder()
            .decode(Files.readAllBytes(CHIPS.resolve(reference.get("chip").getAsString())));
    if (reference.get("mirror").getAsBoolean()) {
      chip = Mirror.horizontal(chip);
    }
    float[] expected =
        Embedding.normalize(TfjsGraphParityTest.floats(REFERENCE.resolve(name + ".f32"))).values();
    try (GraphFaceEmbedder embedder =
        GraphFaceEmbedder.load(Path.of("models", reference.get("model").getAsString()))) {
      assertEquals(expected.length, embedder.dimension(), name + " dimension");
      float[] actual = embedder.embed(List.of(chip)).get(0).values();
      double worst = TfjsGraphParityTest.maxAbsDifference(expected, actual);
      System.out.printf("%s max |djl - onnxruntime| = %.3g (L2-normalised)%n", name, worst);
      assertTrue(worst <= MAX_ABS, name + " differs by " + worst);
    }
  }
}
