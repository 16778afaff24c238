package facegate.api;

import facegate.gallery.Gallery;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FaceService;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Readiness of the models and the gallery, as parts of {@code GET /health}. */
final class ServiceHealthIndicators {
  private ServiceHealthIndicators() {}

  /** {@code model}: the networks are loaded; which model, its dimension and the threshold. */
  @Singleton
  static final class ModelHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final FaceRecognizer recognizer;
    private final FaceService faces;

    ModelHealthIndicator(FaceRecognizer recognizer, FaceService faces) {
      this.recognizer = recognizer;
      this.faces = faces;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("model", recognizer.modelName());
      details.put("dimension", recognizer.dimension());
      details.put("verifyThreshold", faces.threshold());
      details.put("pipeline", FaceRecognizer.PIPELINE_VERSION);
      healthStatus = HealthStatus.UP;
      return details;
    }

    @Override
    protected String getName() {
      return "model";
    }
  }

  /** {@code gallery}: open, its folder writable; people enrolled and whether crops are kept. */
  @Singleton
  static final class GalleryHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final Gallery gallery;
    private final FacegateConfiguration configuration;
    private final FaceService faces;

    GalleryHealthIndicator(
        Gallery gallery, FacegateConfiguration configuration, FaceService faces) {
      this.gallery = gallery;
      this.configuration = configuration;
      this.faces = faces;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
      Path folder = Path.of(configuration.galleryDir());
      boolean writable = Files.isWritable(folder);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("people", gallery.size());
      details.put("folder", folder.toAbsolutePath().toString());
      details.put("writable", writable);
      details.put("storeCrops", faces.keepsCrops());
      healthStatus = writable ? HealthStatus.UP : HealthStatus.DOWN;
      return details;
    }

    @Override
    protected String getName() {
      return "gallery";
    }
  }
}
