package facegate.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.OptionalDouble;

/**
 * The service's settings, under {@code facegate.*} (environment: {@code FACEGATE_*}).
 *
 * @param modelsDir folder holding the converted models (default {@code models})
 * @param model the face embedding model, a folder name under {@code modelsDir}
 * @param landmarkModel the landmark model, a folder name under {@code modelsDir}
 * @param detectorModel the SSD face detector, a folder name under {@code modelsDir}, used where the
 *     OpenCV cascades find no face
 * @param galleryDir the gallery folder (default {@code gallery}); created when missing
 * @param verifyThreshold cosine threshold for accepting a match; when null, the model's calibrated
 *     {@code verifyThreshold} from its {@code model.json}; with neither the service refuses to
 *     start
 * @param predictors predictors per network: how many requests run inference at once (default 2)
 * @param enrollPoseViews whether an enrollment without a {@code poseViews} part also stores the
 *     face's 3D re-renderings at ±20°, ±40°, ±60° yaw as templates (default false)
 * @param verifySingleView whether verify against an enrolled person embeds the probe's chip alone
 *     first and adds the mirrored chip only for scores within the model's calibrated {@code
 *     singleViewMargin} of the threshold (default true; no effect for a model without the margin)
 */
@ConfigurationProperties("facegate")
public record FacegateConfiguration(
    @Bindable(defaultValue = "models") @NotBlank String modelsDir,
    @Bindable(defaultValue = "dlib-resnet-faceapi") @NotBlank String model,
    @Bindable(defaultValue = "landmark68-faceapi") @NotBlank String landmarkModel,
    @Bindable(defaultValue = "ssd-mobilenetv1-faceapi") @NotBlank String detectorModel,
    @Bindable(defaultValue = "gallery") @NotBlank String galleryDir,
    @Nullable @DecimalMin("-1") @DecimalMax("1") Double verifyThreshold,
    @Bindable(defaultValue = "2") @Min(1) @Max(64) int predictors,
    @Bindable(defaultValue = "false") boolean enrollPoseViews,
    @Bindable(defaultValue = "true") boolean verifySingleView) {

  /** The configured threshold, empty when the model's calibrated one applies. */
  public OptionalDouble configuredThreshold() {
    return verifyThreshold == null ? OptionalDouble.empty() : OptionalDouble.of(verifyThreshold);
  }
}
