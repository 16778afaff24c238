package facegate.embed;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.AtomicFiles;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes a model's calibrated thresholds into its {@code model.json}, keeping every other field:
 * {@code verifyThreshold}, {@code identifyThreshold} and {@code singleViewMargin} are replaced when
 * given, each operating point is added to (or replaces its namesake in) {@code operatingPoints},
 * and each provenance entry to {@code calibration}. The file is replaced atomically (written
 * beside, then renamed), so a crash leaves either the old or the new manifest, never half of one.
 *
 * @param verifyThreshold the default verify threshold (accept when cosine ≥ it), if calibrated
 * @param identifyThreshold the open-set identification threshold, if calibrated
 * @param singleViewMargin the single-view margin ({@code FaceEmbedder.singleViewMargin}), if
 *     calibrated; in [0, 2]
 * @param operatingPoints named thresholds, e.g. {@code far1e-3}; non-finite values are skipped
 * @param provenance how they were measured: pairs file, accuracy, command
 */
public record ModelCalibration(
    OptionalDouble verifyThreshold,
    OptionalDouble identifyThreshold,
    OptionalDouble singleViewMargin,
    Map<String, Double> operatingPoints,
    Map<String, String> provenance) {
  public ModelCalibration {
    requireCosine("verifyThreshold", verifyThreshold);
    requireCosine("identifyThreshold", identifyThreshold);
    if (singleViewMargin.isPresent()
        && !(singleViewMargin.getAsDouble() >= 0 && singleViewMargin.getAsDouble() <= 2)) {
      throw new IllegalArgumentException("singleViewMargin must be in [0, 2]: " + singleViewMargin);
    }
    operatingPoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(operatingPoints));
    provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
  }

  /** Merges this calibration into {@code modelDir/model.json}. */
  public void writeTo(Path modelDir) {
    Path file = modelDir.resolve(ModelCard.FILE_NAME);
    try {
      JsonObject manifest =
          JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
      verifyThreshold.ifPresent(value -> manifest.addProperty("verifyThreshold", value));
      identifyThreshold.ifPresent(value -> manifest.addProperty("identifyThreshold", value));
      singleViewMargin.ifPresent(value -> manifest.addProperty("singleViewMargin", value));
      JsonObject points = objectIn(manifest, "operatingPoints");
      operatingPoints.forEach(
          (name, value) -> {
            if (Double.isFinite(value)) {
              points.addProperty(name, value);
            }
          });
      JsonObject calibration = objectIn(manifest, "calibration");
      provenance.forEach(calibration::addProperty);
      AtomicFiles.replace(
          file,
          new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(manifest)
              + "\n");
    } catch (IOException | IllegalStateException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot update " + file + ": " + e.getMessage(), e);
    }
  }

  /** The object {@code manifest.name}, created (or replacing a non-object) when needed. */
  private static JsonObject objectIn(JsonObject manifest, String name) {
    JsonElement existing = manifest.get(name);
    if (existing != null && existing.isJsonObject()) {
      return existing.getAsJsonObject();
    }
    JsonObject created = new JsonObject();
    manifest.add(name, created);
    return created;
  }

  private static void requireCosine(String name, OptionalDouble value) {
    if (value.isPresent() && !(value.getAsDouble() >= -1 && value.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(name + " must be a cosine in [-1, 1]: " + value);
    }
  }
}
