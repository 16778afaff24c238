package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.Embedding;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DJL port against face-api itself: the committed models/ run on the stored crops must give the
 * descriptors and landmarks that face-api 1.7.15 (tfjs cpu backend) gave on the same crops, stored
 * in reference/faceapi-reference.json by src/test/node/make-reference.js. Needs no Node.
 */
class FaceApiParityTest {
  private static final Path REFERENCE = Path.of("src/test/resources/reference");
  private static final double MIN_COSINE = 0.9999;
  private static final double MAX_LANDMARK_ERROR_PIXELS = 0.5;

  private static JsonArray crops;
  private static DjlFaceEmbedder embedder;
  private static DjlLandmarkLocator locator;

  @BeforeAll
  static void load() throws IOException {
    JsonObject reference =
        JsonParser.parseString(Files.readString(REFERENCE.resolve("faceapi-reference.json")))
            .getAsJsonObject();
    crops = reference.getAsJsonArray("crops");
    embedder = DjlFaceEmbedder.load(Path.of("models/dlib-resnet-faceapi"), 1, 5);
    locator = DjlLandmarkLocator.load(Path.of("models/landmark68-faceapi"), 1, 5);
  }

  @AfterAll
  static void close() {
    if (embedder != null) {
      embedder.close();
    }
    if (locator != null) {
      locator.close();
    }
  }

  @Test
  void descriptorsMatchFaceApi() throws IOException {
    assertEquals(12, crops.size(), "one reference crop per fixture person");
    List<RgbImage> chips = new ArrayList<>();
    for (JsonElement crop : crops) {
      chips.add(readPng(crop.getAsJsonObject().get("chip").getAsString()));
    }
    // Batches of 5: exercises full and partial batches.
    List<Embedding> embeddings = embedder.embed(chips);
    assertEquals(chips.size(), embeddings.size());
    double minCosine = 1;
    for (int i = 0; i < chips.size(); i++) {
      JsonObject crop = crops.get(i).getAsJsonObject();
      Embedding expected = Embedding.normalize(floats(crop.getAsJsonArray("descriptor")));
      double cosine = embeddings.get(i).cosine(expected);
      minCosine = Math.min(minCosine, cosine);
      assertTrue(cosine >= MIN_COSINE, crop.get("chip") + ": cosine " + cosine);
    }
    double crossPerson = embeddings.get(0).cosine(embeddings.get(1));
    assertTrue(crossPerson < 0.99, "different people must not collapse: " + crossPerson);
    System.out.printf(
        "parity: minimum descriptor cosine %.10f (1 - min = %.2e) over %d chips%n",
        minCosine, 1 - minCosine, chips.size());
  }

  @Test
  void aLoneChipMatchesFaceApiToo() throws IOException {
    // A batch of one runs padded to two (a different convolution kernel than larger batches).
    JsonObject crop = crops.get(3).getAsJsonObject();
    List<Embedding> alone = embedder.embed(List.of(readPng(crop.get("chip").getAsString())));
    assertEquals(1, alone.size());
    Embedding expected = Embedding.normalize(floats(crop.getAsJsonArray("descriptor")));
    double cosine = alone.get(0).cosine(expected);
    assertTrue(cosine >= MIN_COSINE, crop.get("chip") + " alone: cosine " + cosine);
  }

  @Test
  void landmarksMatchFaceApi() throws IOException {
    List<RgbImage> images = new ArrayList<>();
    for (JsonElement crop : crops) {
      images.add(readPng(crop.getAsJsonObject().get("crop").getAsString()));
    }
    List<Landmarks> located = locator.locate(images);
    assertEquals(images.size(), located.size());
    double worstMean = 0;
    double worstPoint = 0;
    for (int i = 0; i < images.size(); i++) {
      JsonObject crop = crops.get(i).getAsJsonObject();
      float[] relative = floats(crop.getAsJsonArray("landmarksRelative"));
      double[] xy = located.get(i).xy();
      double sum = 0;
      for (int k = 0; k < xy.length; k++) {
        double error = Math.abs(xy[k] - relative[k] * 112.0);
        sum += error;
        worstPoint = Math.max(worstPoint, error);
      }
      double mean = sum / xy.length;
      worstMean = Math.max(worstMean, mean);
      assertTrue(mean < MAX_LANDMARK_ERROR_PIXELS, crop.get("crop") + ": mean error " + mean);
    }
    System.out.printf(
        "parity: landmark mean abs error, worst crop %.6f px; worst coordinate %.6f px%n",
        worstMean, worstPoint);
  }

  private static float[] floats(JsonArray array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).getAsFloat();
    }
    return values;
  }

  static RgbImage readPng(String name) throws IOException {
    BufferedImage image = ImageIO.read(REFERENCE.resolve("crops").resolve(name).toFile());
    int width = image.getWidth();
    int height = image.getHeight();
    byte[] rgb = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int argb = image.getRGB(x, y);
        int offset = (y * width + x) * 3;
        rgb[offset] = (byte) (argb >> 16);
        rgb[offset + 1] = (byte) (argb >> 8);
        rgb[offset + 2] = (byte) argb;
      }
    }
    return new RgbImage(width, height, rgb);
  }
}
