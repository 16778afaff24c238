package facegate.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import java.util.OptionalDouble;

/**
 * Liveness (presentation attack detection) settings, under {@code facegate.liveness.*}
 * (environment: {@code FACEGATE_LIVENESS_*}).
 *
 * @param enabled whether verify and identify check liveness when a request has no {@code liveness}
 *     part (default false: verify and identify behave as without liveness)
 * @param model the liveness model, a folder name under {@code facegate.models-dir} (default {@code
 *     liveness-texture})
 * @param threshold the score a live face needs, in [0, 1]; when null, the model's calibrated one
 */
@ConfigurationProperties("facegate.liveness")
public record LivenessConfiguration(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "liveness-texture") @NotBlank String model,
    @Nullable @DecimalMin("0") @DecimalMax("1") Double threshold) {

  /** The configured threshold, empty when the model's calibrated one applies. */
  public OptionalDouble configuredThreshold() {
    return threshold == null ? OptionalDouble.empty() : OptionalDouble.of(threshold);
  }
}
