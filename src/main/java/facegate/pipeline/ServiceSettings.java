package facegate.pipeline;

import facegate.gallery.PostgresSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What {@link Composition} builds the gallery and the {@link FaceService} from.
 *
 * @param galleryDir the gallery folder (created when missing); with {@code postgres}, only where
 *     face crops are kept ({@code <galleryDir>/crops/})
 * @param postgres null to keep the gallery in {@code galleryDir} (one process); otherwise the
 *     PostgreSQL database that keeps it (shared by any number of nodes)
 * @param storeCrops whether enrollment keeps each person's aligned face crop
 * @param verifyThreshold the operator's verify threshold, empty for the model's calibrated one; its
 *     range is checked when the service is built ({@code configuration_invalid})
 * @param thresholdSetting where the operator sets the threshold (e.g. {@code --threshold}), named
 *     in the error when there is none
 * @param singleView whether verify may embed a probe's chip alone first (when the model has a
 *     calibrated single-view margin)
 * @throws NullPointerException when {@code galleryDir}, {@code verifyThreshold} or {@code
 *     thresholdSetting} is null
 * @throws IllegalArgumentException when {@code thresholdSetting} is blank
 */
public record ServiceSettings(
    Path galleryDir,
    PostgresSettings postgres,
    boolean storeCrops,
    OptionalDouble verifyThreshold,
    String thresholdSetting,
    boolean singleView) {
  public ServiceSettings {
    Objects.requireNonNull(galleryDir, "galleryDir");
    Objects.requireNonNull(verifyThreshold, "verifyThreshold");
    if (thresholdSetting.isBlank()) {
      throw new IllegalArgumentException("thresholdSetting must name where the threshold is set");
    }
  }

  /**
   * A gallery folder without crops, whose service embeds probes single-view when the model allows
   * it: what the gallery commands open.
   */
  public static ServiceSettings folder(
      Path galleryDir, OptionalDouble verifyThreshold, String thresholdSetting) {
    return new ServiceSettings(galleryDir, null, false, verifyThreshold, thresholdSetting, true);
  }
}
