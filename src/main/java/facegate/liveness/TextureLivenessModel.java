package facegate.liveness;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import facegate.core.AtomicFiles;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A trained texture liveness model: which crops to take around a face, and a logistic regression
 * over their {@link TextureFeatures} (one block of features per crop, in order), with the
 * calibrated threshold. Stored as {@value #FILE_NAME} in a model folder, next to its manifest (how
 * it was trained and what it measured).
 *
 * @param cropScales the side of each square crop, centred on the face box, as a multiple of the
 *     box's larger side; at least one, each positive
 * @param cropSize pixels per side each crop is resampled to, at least {@value
 *     TextureFeatures#MIN_SIDE}
 * @param weights one per feature, on standardised features
 * @param bias the logistic regression's intercept
 * @param means each feature's training mean
 * @param scales each feature's training standard deviation (positive)
 * @param threshold a face is live when its score is at least this, in [0, 1]
 * @param manifest how the model was made: data, command, commit, metrics (may be empty)
 */
public record TextureLivenessModel(
    double[] cropScales,
    int cropSize,
    double[] weights,
    double bias,
    double[] means,
    double[] scales,
    double threshold,
    Map<String, Object> manifest) {
  /** The model file in a model folder. */
  public static final String FILE_NAME = "liveness.json";

  public TextureLivenessModel {
    if (cropScales == null || cropScales.length == 0) {
      throw new IllegalArgumentException("need at least one crop scale");
    }
    for (double scale : cropScales) {
      if (!(scale > 0)) {
        throw new IllegalArgumentException("crop scales must be positive: " + scale);
      }
    }
    if (cropSize < TextureFeatures.MIN_SIDE) {
      throw new IllegalArgumentException("crop size must be at least " + TextureFeatures.MIN_SIDE);
    }
    int features = featureCount(cropScales.length);
    if (weights == null
        || weights.length != features
        || means == null
        || means.length != features
        || scales == null
        || scales.length != features) {
      throw new IllegalArgumentException(
          "need " + features + " weights, means and scales for " + cropScales.length + " crops");
    }
    if (!(threshold >= 0 && threshold <= 1) || !Double.isFinite(bias)) {
      throw new IllegalArgumentException("threshold must lie in [0, 1] and bias be finite");
    }
    cropScales = cropScales.clone();
    weights = weights.clone();
    means = means.clone();
    scales = scales.clone();
    manifest = Map.copyOf(Objects.requireNonNullElse(manifest, Map.of()));
  }

  /** Features of a model with {@code crops} crops. */
  public static int featureCount(int crops) {
    return crops * TextureFeatures.COUNT;
  }

  /** The probability that {@code features} come from a live face, in [0, 1]. */
  public double score(double[] features) {
    if (features.length != weights.length) {
      throw new IllegalArgumentException(
          "expected " + weights.length + " features, got " + features.length);
    }
    double logit = bias;
    for (int j = 0; j < weights.length; j++) {
      logit += weights[j] * (features[j] - means[j]) / scales[j];
    }
    return logit >= 0 ? 1 / (1 + Math.exp(-logit)) : Math.exp(logit) / (1 + Math.exp(logit));
  }

  /** This model with another threshold and manifest. */
  public TextureLivenessModel with(double newThreshold, Map<String, Object> newManifest) {
    return new TextureLivenessModel(
        cropScales, cropSize, weights, bias, means, scales, newThreshold, newManifest);
  }

  /**
   * Reads {@value #FILE_NAME} from {@code folder}: {@code model_not_found} when it is missing,
   * {@code model_invalid} when it does not parse or its values are out of range.
   */
  public static TextureLivenessModel read(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new FaceException(
          ErrorCode.MODEL_NOT_FOUND,
          "no liveness model at " + file + ": train one with 'facegate liveness-eval --save'");
    }
    try {
      TextureLivenessModel model =
          new Gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), Stored.class).model();
      return Objects.requireNonNull(model);
    } catch (IOException | RuntimeException e) {
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot read the liveness model " + file + ": " + e, e);
    }
  }

  /** Writes {@value #FILE_NAME} into {@code folder} (created when missing), atomically. */
  public void write(Path folder) throws IOException {
    Files.createDirectories(folder);
    String json =
        new GsonBuilder()
            .setPrettyPrinting()
            .serializeSpecialFloatingPointValues()
            .create()
            .toJson(Stored.of(this));
    AtomicFiles.replace(folder.resolve(FILE_NAME), json);
  }

  @Override
  public double[] cropScales() {
    return cropScales.clone();
  }

  @Override
  public String toString() {
    return "TextureLivenessModel[cropScales="
        + Arrays.toString(cropScales)
        + ", cropSize="
        + cropSize
        + ", threshold="
        + threshold
        + "]";
  }

  /** The file's shape (Gson fills fields, not record components). */
  private static final class Stored {
    String type = "texture-lbp-ycbcr-logistic";
    double[] cropScales;
    int cropSize;
    double threshold;
    double bias;
    double[] weights;
    double[] means;
    double[] scales;
    Map<String, Object> manifest;

    static Stored of(TextureLivenessModel model) {
      Stored stored = new Stored();
      stored.cropScales = model.cropScales;
      stored.cropSize = model.cropSize;
      stored.threshold = model.threshold;
      stored.bias = model.bias;
      stored.weights = model.weights;
      stored.means = model.means;
      stored.scales = model.scales;
      stored.manifest = model.manifest;
      return stored;
    }

    TextureLivenessModel model() {
      return new TextureLivenessModel(
          cropScales, cropSize, weights, bias, means, scales, threshold, manifest);
    }
  }
}
