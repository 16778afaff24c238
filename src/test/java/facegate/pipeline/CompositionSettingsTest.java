package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The settings records {@link Composition} builds from: what they accept and refuse. */
class CompositionSettingsTest {
  private static final Path MODEL = Path.of("models/m");

  @Test
  void pipelineSettingsResolveModelFoldersUnderTheModelsFolder() {
    PipelineSettings settings =
        PipelineSettings.inFolder(Path.of("models"), "e", "l", "d", 2, LoadSettings.DEFAULTS);
    assertEquals(Path.of("models/e"), settings.embeddingModel());
    assertEquals(Path.of("models/l"), settings.landmarkModel());
    assertEquals(Path.of("models/d"), settings.detectorModel());
    assertEquals(2, settings.predictors());
    assertEquals(LoadSettings.DEFAULTS, settings.load());
  }

  @Test
  void pipelineSettingsWithoutLoadMeanNoPoolAndNoBatching() {
    assertNull(new PipelineSettings(MODEL, MODEL, MODEL, 1, null).load());
  }

  @Test
  void pipelineSettingsRefuseNoPredictorsAndMissingModels() {
    assertThrows(
        IllegalArgumentException.class, () -> new PipelineSettings(MODEL, MODEL, MODEL, 0, null));
    assertThrows(
        NullPointerException.class, () -> new PipelineSettings(null, MODEL, MODEL, 1, null));
    assertThrows(
        NullPointerException.class, () -> new PipelineSettings(MODEL, null, MODEL, 1, null));
    assertThrows(
        NullPointerException.class, () -> new PipelineSettings(MODEL, MODEL, null, 1, null));
  }

  @Test
  void aGalleryFolderKeepsNoCropsAndMayEmbedSingleView() {
    ServiceSettings settings =
        ServiceSettings.folder(Path.of("g"), OptionalDouble.of(0.5), "--threshold");
    assertEquals(Path.of("g"), settings.galleryDir());
    assertNull(settings.postgres());
    assertFalse(settings.storeCrops());
    assertEquals(OptionalDouble.of(0.5), settings.verifyThreshold());
    assertTrue(settings.singleView());
  }

  @Test
  void serviceSettingsRefuseMissingValuesButLeaveTheThresholdRangeToTheService() {
    assertThrows(
        NullPointerException.class,
        () -> ServiceSettings.folder(null, OptionalDouble.empty(), "--threshold"));
    assertThrows(
        NullPointerException.class, () -> ServiceSettings.folder(Path.of("g"), null, "--t"));
    assertThrows(
        NullPointerException.class,
        () -> ServiceSettings.folder(Path.of("g"), OptionalDouble.empty(), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServiceSettings.folder(Path.of("g"), OptionalDouble.empty(), " "));
    // Out of range is configuration_invalid when the service is built, not here.
    assertEquals(
        OptionalDouble.of(2),
        ServiceSettings.folder(Path.of("g"), OptionalDouble.of(2), "--t").verifyThreshold());
  }
}
