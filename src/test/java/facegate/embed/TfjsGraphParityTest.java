package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.RgbImage;
import facegate.vision.ImageDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The graph importer against tfjs itself: each case of reference/graph/reference.json (written by
 * src/test/node/graph/make-graph-reference.js with tfjs 4.22.0's pure-JS cpu backend) runs the
 * committed model on the same 8-bit input PNG, scaled as the case says (MediaPipe's detectors: to
 * [-1, 1]; human's antispoof and liveness networks and FaceMesh: to [0, 1]), and every value of
 * each output (detectors: 2304 or 896 anchors x 17: score logit, box, 6 keypoints; antispoof: one
 * sigmoid; liveness: two softmax values; FaceMesh: 468 x (x, y, z) in pixels of 192 and the face
 * flag) must agree within {@link #MAX_ABS}. Logits and coordinates are in the network's units (up
 * to a few hundred), so 1e-3 is a relative agreement near 1e-5 (measured: 4.6e-5 full range, 1.7e-4
 * short range).
 */
class TfjsGraphParityTest {
  private static final Path REFERENCE = Path.of("src/test/resources/reference/graph");
  private static final double MAX_ABS = 1e-3;

  @TestFactory
  Stream<DynamicTest> matchesTfjs() throws IOException {
    return referenceCases(REFERENCE).stream()
        .map(
            reference ->
                DynamicTest.dynamicTest(
                    reference.get("name").getAsString(), () -> matches(reference)));
  }

  private static void matches(JsonObject reference) throws IOException {
    String name = reference.get("name").getAsString();
    RgbImage image =
        new ImageDecoder().decode(Files.readAllBytes(REFERENCE.resolve(name + ".png")));
    try (TfjsGraph graph =
        TfjsGraph.load(Path.of("models", reference.get("model").getAsString()))) {
      float scale = reference.has("scale") ? reference.get("scale").getAsFloat() : 1 / 127.5f;
      float offset = reference.has("offset") ? reference.get("offset").getAsFloat() : -1f;
      Map<String, TfjsTensor> outputs = graph.run(normalised(image, scale, offset));
      for (JsonElement element : reference.getAsJsonArray("outputs")) {
        JsonObject output = element.getAsJsonObject();
        String outputName = output.get("name").getAsString();
        TfjsTensor actual = outputs.get(outputName);
        int[] shape =
            output.getAsJsonArray("shape").asList().stream()
                .mapToInt(JsonElement::getAsInt)
                .toArray();
        assertArrayEquals(shape, actual.shape(), outputName + " shape");
        float[] expected = floats(REFERENCE.resolve(name + "." + outputName + ".f32"));
        double worst = maxAbsDifference(expected, actual.values());
        System.out.printf("%s %s max |djl - tfjs| = %.3g%n", name, outputName, worst);
        assertTrue(worst <= MAX_ABS, name + " " + outputName + " differs by " + worst);
      }
    }
  }

  /** NHWC {@code [1, h, w, 3]}, pixel * scale + offset. */
  static TfjsTensor normalised(RgbImage image, float scale, float offset) {
    float[] values = new float[image.rgb().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (image.rgb()[i] & 0xff) * scale + offset;
    }
    return new TfjsTensor("input", new int[] {1, image.height(), image.width(), 3}, values);
  }

  static double maxAbsDifference(float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    return worst;
  }

  /** The {@code cases} of {@code dir/reference.json}, as the reference scripts write them. */
  static List<JsonObject> referenceCases(Path dir) throws IOException {
    JsonObject summary =
        JsonParser.parseString(Files.readString(dir.resolve("reference.json"))).getAsJsonObject();
    return summary.getAsJsonArray("cases").asList().stream()
        .map(JsonElement::getAsJsonObject)
        .toList();
  }

  /** A reference output file: float32, little-endian. */
  static float[] floats(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[bytes.remaining() / 4];
    bytes.asFloatBuffer().get(values);
    return values;
  }
}
