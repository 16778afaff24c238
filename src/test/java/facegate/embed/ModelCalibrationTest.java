package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration writes its fields into a copy of the shipped model.json and keeps all the rest. */
class ModelCalibrationTest {
  private static final Path SHIPPED = Path.of("models/dlib-resnet-faceapi/model.json");

  @TempDir Path model;

  private JsonObject manifest() throws IOException {
    return JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
  }

  @Test
  void writesThresholdsAndMergesPointsKeepingEveryOtherField() throws IOException {
    Files.copy(SHIPPED, model.resolve("model.json"));
    JsonObject before = manifest();

    new ModelCalibration(
            OptionalDouble.of(0.92),
            OptionalDouble.of(0.95),
            OptionalDouble.of(0.021),
            Map.of("far1e-4", 0.93, "far1e-5", Double.POSITIVE_INFINITY),
            Map.of("command", "facegate calibrate test"))
        .writeTo(model);

    JsonObject after = manifest();
    for (String key : before.keySet()) {
      if (!key.equals("verifyThreshold")
          && !key.equals("identifyThreshold")
          && !key.equals("singleViewMargin")
          && !key.equals("operatingPoints")
          && !key.equals("calibration")) {
        assertEquals(before.get(key), after.get(key), key);
      }
    }
    assertEquals(0.92, after.get("verifyThreshold").getAsDouble());
    assertEquals(0.95, after.get("identifyThreshold").getAsDouble());
    JsonObject points = after.getAsJsonObject("operatingPoints");
    assertEquals(0.93, points.get("far1e-4").getAsDouble());
    assertFalse(points.has("far1e-5"), "a non-finite point is skipped");
    // earlier points and provenance stay unless replaced
    before
        .getAsJsonObject("operatingPoints")
        .keySet()
        .forEach(
            k -> assertEquals(before.getAsJsonObject("operatingPoints").get(k), points.get(k), k));
    JsonObject calibration = after.getAsJsonObject("calibration");
    assertEquals("facegate calibrate test", calibration.get("command").getAsString());
    assertEquals(before.getAsJsonObject("calibration").get("pairs"), calibration.get("pairs"));

    ModelCard card = ModelCard.read(model);
    assertEquals(0.92, card.verifyThreshold());
    assertEquals(0.95, card.identifyThreshold());
    assertEquals(0.021, card.singleViewMargin());
    assertFalse(Files.exists(model.resolve("model.json.tmp")));
  }

  @Test
  void refusesAThresholdOutsideTheCosineRange() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ModelCalibration(
                OptionalDouble.of(1.5),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Map.of(),
                Map.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ModelCalibration(
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.of(-0.01),
                Map.of(),
                Map.of()));
  }
}
