package facegate.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Whether and how {@link FaceService#verify} normalises scores against a cohort (see {@code
 * facegate.gallery.CohortNormalizer}).
 *
 * @param enabled decide on normalised scores; when false, every other field is ignored
 * @param modelDir the embedding model's folder, whose {@code model.json} names the default cohort
 *     and holds the calibrated normalised threshold
 * @param threshold the operator's normalised-score threshold, empty for the model's calibrated one
 * @param excludedSources data sets left out of the default cohort, e.g. {@code asian-faces} when
 *     measuring on it (no leakage of the measured people into the cohort)
 */
public record NormalizationSettings(
    boolean enabled, Path modelDir, OptionalDouble threshold, Set<String> excludedSources) {
  /** No normalisation: decisions on the cosine. */
  public static final NormalizationSettings OFF =
      new NormalizationSettings(false, Path.of("."), OptionalDouble.empty(), Set.of());

  public NormalizationSettings {
    Objects.requireNonNull(modelDir, "modelDir");
    Objects.requireNonNull(threshold, "threshold");
    excludedSources = Set.copyOf(excludedSources);
    if (threshold.isPresent() && !Double.isFinite(threshold.getAsDouble())) {
      throw new IllegalArgumentException("threshold must be finite: " + threshold);
    }
  }
}
