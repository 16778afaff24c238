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
import java.util.Map;
import java.util.Optional;

/**
 * The score-normalisation part of a model's {@code model.json} (object {@code scoreNormalization}):
 * the default cohort file beside it, how many cohort scores describe a face, from how many enrolled
 * people on the gallery alone is the cohort, and the threshold on normalised scores calibrated for
 * a false accept rate. Kept next to the raw thresholds, which stay as they are.
 *
 * @param cohortFile the default cohort's file name in the model folder, e.g. {@code cohort.bin}
 * @param topK cohort scores per face, at least 2
 * @param galleryOnlyAt other enrolled people from which on the gallery alone is the cohort, at
 *     least {@code topK}
 * @param threshold the normalised-score threshold (accept when normalised score ≥ it), or null when
 *     not calibrated; finite when present
 * @param far the false accept rate {@code threshold} was calibrated for, or null
 * @param singleViewMargin how far (in normalised units) a probe's normalised score from its chip
 *     alone may lie from its score with the mirrored chip added, or null when not calibrated
 *     ({@code calibrate --normalized-single-view}); in [0, 1000] when present. Verify re-scores a
 *     single-view probe only within it of the threshold
 * @param provenance how the cohort, threshold and margin were made (data sets, counts, command),
 *     kept in key order; may be empty
 */
public record NormalizationCard(
    String cohortFile,
    int topK,
    int galleryOnlyAt,
    Double threshold,
    Double far,
    Double singleViewMargin,
    Map<String, String> provenance) {
  static final String KEY = "scoreNormalization";

  public NormalizationCard {
    if (cohortFile == null || cohortFile.isBlank() || cohortFile.contains("/")) {
      throw new IllegalArgumentException("cohortFile must be a file name in the model folder");
    }
    if (topK < 2 || galleryOnlyAt < topK) {
      throw new IllegalArgumentException(
          "need topK >= 2 and galleryOnlyAt >= topK: " + topK + ", " + galleryOnlyAt);
    }
    if (threshold != null && !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite: " + threshold);
    }
    if (far != null && !(far > 0 && far < 1)) {
      throw new IllegalArgumentException("far must be in (0, 1): " + far);
    }
    if (singleViewMargin != null && !(singleViewMargin >= 0 && singleViewMargin <= 1000)) {
      throw new IllegalArgumentException(
          "singleViewMargin must be in [0, 1000]: " + singleViewMargin);
    }
    provenance =
        provenance == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(provenance));
  }

  /** This card with a calibrated threshold. */
  public NormalizationCard withThreshold(double value, double atFar, Map<String, String> how) {
    return new NormalizationCard(
        cohortFile, topK, galleryOnlyAt, value, atFar, singleViewMargin, merged(how));
  }

  /** This card with a calibrated single-view margin. */
  public NormalizationCard withSingleViewMargin(double margin, Map<String, String> how) {
    return new NormalizationCard(
        cohortFile, topK, galleryOnlyAt, threshold, far, margin, merged(how));
  }

  private Map<String, String> merged(Map<String, String> how) {
    Map<String, String> merged = new java.util.TreeMap<>(provenance);
    merged.putAll(how);
    return merged;
  }

  /**
   * What a gallery of the model in {@code modelDir} records (its model identity, see {@link
   * FaceEmbedder#galleryModelName()}, and dimension) and the raw verify threshold (NaN when
   * uncalibrated), read from its {@code model.json}.
   */
  public record ModelFacts(String name, int dimension, double verifyThreshold) {}

  /** {@link ModelFacts} of the model in {@code modelDir}. */
  public static ModelFacts facts(Path modelDir) {
    ModelCard card = ModelCard.read(modelDir);
    return new ModelFacts(
        card.galleryModelName(),
        card.dimension(),
        card.verifyThreshold() == null ? Double.NaN : card.verifyThreshold());
  }

  /** The cohort file's path for a model in {@code modelDir}. */
  public Path cohortPath(Path modelDir) {
    return modelDir.resolve(cohortFile);
  }

  /**
   * The card in {@code modelDir/model.json}; empty when the model has none.
   *
   * @throws FaceException {@code model_invalid} when the file or the object is unreadable
   */
  public static Optional<NormalizationCard> read(Path modelDir) {
    Path file = modelDir.resolve(ModelCard.FILE_NAME);
    try {
      JsonObject manifest =
          JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
      JsonElement card = manifest.get(KEY);
      if (card == null || card.isJsonNull()) {
        return Optional.empty();
      }
      return Optional.of(new GsonBuilder().create().fromJson(card, NormalizationCard.class));
    } catch (IOException | RuntimeException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "cannot read normalization of " + file + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * {@link #read}, for the commands that calibrate the card.
   *
   * @throws IllegalArgumentException when the model has no card (saying how to build one)
   */
  public static NormalizationCard required(Path modelDir) {
    return read(modelDir)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    modelDir + " has no normalization card: run `facegate build-cohort`"));
  }

  /** Writes this card into {@code modelDir/model.json}, keeping every other field (atomically). */
  public void writeTo(Path modelDir) {
    Path file = modelDir.resolve(ModelCard.FILE_NAME);
    try {
      JsonObject manifest =
          JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
      com.google.gson.Gson gson =
          new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
      manifest.add(KEY, gson.toJsonTree(this));
      AtomicFiles.replace(file, gson.toJson(manifest) + "\n");
    } catch (IOException | RuntimeException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot update " + file + ": " + e.getMessage(), e);
    }
  }
}
