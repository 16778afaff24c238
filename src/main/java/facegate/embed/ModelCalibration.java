package facegate.embed;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Writes a model's calibrated operating points into its {@code model.json}, keeping every other
 * field. The file is replaced atomically (written beside, then renamed), so a crash leaves either
 * the old or the new manifest, never half of one.
 */
public final class ModelCalibration {
  private ModelCalibration() {}

  /**
   * @param modelDir the model folder holding {@code model.json}
   * @param verifyThreshold the default verify threshold (accept when cosine ≥ it); finite
   * @param operatingPoints named thresholds, e.g. {@code far1e-3}; finite values only
   * @param provenance how they were measured: pairs file, accuracy, command
   */
  public static void write(
      Path modelDir,
      double verifyThreshold,
      Map<String, Double> operatingPoints,
      Map<String, String> provenance) {
    if (!Double.isFinite(verifyThreshold)) {
      throw new IllegalArgumentException("verify threshold must be finite: " + verifyThreshold);
    }
    Path file = modelDir.resolve(ModelCard.FILE_NAME);
    try {
      JsonObject manifest =
          JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
      manifest.addProperty("verifyThreshold", verifyThreshold);
      JsonObject points = new JsonObject();
      operatingPoints.forEach(
          (name, value) -> {
            if (Double.isFinite(value)) {
              points.addProperty(name, value);
            }
          });
      manifest.add("operatingPoints", points);
      JsonObject calibration = new JsonObject();
      provenance.forEach(calibration::addProperty);
      manifest.add("calibration", calibration);
      Path temporary = file.resolveSibling(ModelCard.FILE_NAME + ".tmp");
      String json = new GsonBuilder().setPrettyPrinting().create().toJson(manifest) + "\n";
      Files.writeString(temporary, json, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | IllegalStateException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot update " + file + ": " + e.getMessage(), e);
    }
  }
}
