package facegate.api;

import facegate.pipeline.NormalizationSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Cohort score normalisation of verify decisions, under {@code facegate.normalization.*}
 * (environment {@code FACEGATE_NORMALIZATION_ENABLED}, ...).
 *
 * @param enabled decide verify requests on adaptive-S-normalised scores (default false)
 * @param threshold the normalised-score threshold; unset for the model's calibrated one
 * @param excludeCohortSources data sets left out of the model's default cohort (e.g. {@code
 *     asian-faces} when measuring on that set); empty by default
 */
@ConfigurationProperties("facegate.normalization")
public record NormalizationConfiguration(
    @Bindable(defaultValue = "false") boolean enabled,
    @Nullable Double threshold,
    @Nullable List<String> excludeCohortSources) {

  /** The pipeline's view of these settings for the embedding model in {@code modelDir}. */
  public NormalizationSettings settings(Path modelDir) {
    return new NormalizationSettings(
        enabled,
        modelDir,
        threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold),
        excludeCohortSources == null ? Set.of() : Set.copyOf(excludeCohortSources));
  }
}
