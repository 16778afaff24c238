package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.FaceException;
import facegate.core.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel order of a tfjs-graph card: what {@link GraphFaceEmbedder} feeds the graph. */
class TfjsFaceEmbedderInputTest {
  private static final Path FACERES = Path.of("models/faceres");

  @TempDir Path dir;

  @Test
  void rgbCardFeedsTheChipAsItIs() throws IOException {
    assertArrayEquals(new float[] {10, 20, 30, 10, 20, 30}, firstTwoPixels(card("RGB")), 0f);
  }

  @Test
  void bgrCardReversesEachPixelsChannels() throws IOException {
    assertArrayEquals(new float[] {30, 20, 10, 30, 20, 10}, firstTwoPixels(card("BGR")), 0f);
  }

  @Test
  void shippedFaceresCardFeedsTheAuthorsInputBgrMinusTheVggMeans() {
    // HSE_FaceRec_tf facial_analysis.py: BGR, minus 103.939 (B), 116.779 (G), 123.68 (R).
    float b = 30 - 103.939f;
    float g = 20 - 116.779f;
    float r = 10 - 123.68f;
    assertArrayEquals(new float[] {b, g, r, b, g, r}, firstTwoPixels(FACERES), 1e-4f);
    assertArrayEquals(
        new float[] {b, g, r, b, g, r}, firstTwoPixels(Path.of("models/faceres-deep")), 1e-4f);
  }

  @Test
  void otherChannelOrdersAreRefused() throws IOException {
    Path model = card("GBR");
    assertThrows(FaceException.class, () -> ModelCard.read(model));
  }

  /** A copy of models/faceres with mean 0 and scale 1 whose card says {@code order}. */
  private Path card(String order) throws IOException {
    for (String file : new String[] {"faceres.json", "faceres.bin"}) {
      Files.copy(FACERES.resolve(file), dir.resolve(file));
    }
    JsonObject card =
        JsonParser.parseString(Files.readString(FACERES.resolve(ModelCard.FILE_NAME)))
            .getAsJsonObject();
    card.addProperty("channelOrder", order);
    JsonArray zero = new JsonArray();
    for (int c = 0; c < 3; c++) {
      zero.add(0);
    }
    card.add("meanRgb", zero);
    card.addProperty("scale", 1.0);
    Files.writeString(dir.resolve(ModelCard.FILE_NAME), card.toString());
    return dir;
  }

  private static float[] firstTwoPixels(Path model) {
    int side = ModelCard.read(model).inputSize();
    byte[] rgb = new byte[side * side * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) (10 * (i % 3 + 1));
    }
    try (GraphFaceEmbedder embedder = GraphFaceEmbedder.load(model)) {
      return Arrays.copyOf(embedder.input(new RgbImage(side, side, rgb)).values(), 6);
    }
  }
}
