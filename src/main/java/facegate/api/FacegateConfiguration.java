package facegate.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/**
 * The service's settings, under {@code facegate.*} (environment: {@code FACEGATE_*}).
 *
 * @param modelsDir folder holding the converted models (default {@code models})
 * @param model the face embedding model, a folder name under {@code modelsDir}
 * @param landmarkModel the landmark model, a folder name under {@code modelsDir}
 */
@ConfigurationProperties("facegate")
public record FacegateConfiguration(
    @Bindable(defaultValue = "models") @NotBlank String modelsDir,
    @Bindable(defaultValue = "dlib-resnet-faceapi") @NotBlank String model,
    @Bindable(defaultValue = "landmark68-faceapi") @NotBlank String landmarkModel) {}
