package facegate.api;

import facegate.gallery.AuditLog;
import facegate.gallery.FaceCrops;
import facegate.gallery.Gallery;
import facegate.pipeline.Composition;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FaceService;
import facegate.pipeline.PipelineSettings;
import facegate.pipeline.ServiceSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's long-lived parts as beans: the face pipeline (models loaded once), the gallery (a
 * folder locked while the service runs, or PostgreSQL with {@code facegate.gallery.store=postgres})
 * and the {@link FaceService} over both. Each is built by {@link Composition} from the
 * configuration records mapped here; both are closed on shutdown.
 */
@Factory
final class FaceFactory {
  private static final Logger LOG = LoggerFactory.getLogger(FaceFactory.class);

  @Singleton
  @Bean(preDestroy = "close")
  FaceRecognizer faceRecognizer(FacegateConfiguration configuration, LoadConfiguration load) {
    return Composition.recognizer(
        PipelineSettings.inFolder(
            Path.of(configuration.modelsDir()),
            configuration.model(),
            configuration.landmarkModel(),
            configuration.detectorModel(),
            configuration.predictors(),
            load.settings()));
  }

  @Singleton
  @Bean(preDestroy = "close")
  Gallery gallery(
      FacegateConfiguration configuration,
      GalleryConfiguration galleryConfiguration,
      GalleryStoreConfiguration store,
      FaceRecognizer recognizer) {
    ServiceSettings settings = settings(configuration, galleryConfiguration, store);
    Gallery gallery = Composition.gallery(settings, recognizer);
    if (settings.postgres() != null) {
      LOG.info(
          "Gallery in PostgreSQL {}: {} people", settings.postgres().jdbcUrl(), gallery.size());
    } else {
      LOG.info("Gallery {}: {} people", settings.galleryDir().toAbsolutePath(), gallery.size());
    }
    return gallery;
  }

  /**
   * Face crops in {@code <gallery-dir>/crops/} when {@code facegate.gallery.store-crops} is on;
   * crops of people no longer enrolled (left by a crash) are deleted here.
   */
  @Singleton
  FaceCrops faceCrops(
      FacegateConfiguration configuration,
      GalleryConfiguration galleryConfiguration,
      GalleryStoreConfiguration store,
      Gallery gallery) {
    return Composition.crops(settings(configuration, galleryConfiguration, store), gallery);
  }

  /** The audit log {@value AuditLog#FILE_NAME} in the gallery folder. */
  @Singleton
  @Bean(preDestroy = "close")
  AuditLog auditLog(FacegateConfiguration configuration) {
    return AuditLog.open(Path.of(configuration.galleryDir()));
  }

  @Singleton
  FaceService faceService(
      FacegateConfiguration configuration,
      GalleryConfiguration galleryConfiguration,
      GalleryStoreConfiguration store,
      FaceRecognizer recognizer,
      Gallery gallery,
      FaceCrops crops,
      ServiceMetrics metrics,
      NormalizationConfiguration normalization) {
    FaceService service =
        Composition.service(
            settings(configuration, galleryConfiguration, store),
            recognizer,
            gallery,
            crops,
            metrics,
            normalization.settings(
                Path.of(configuration.modelsDir()).resolve(configuration.model())));
    service
        .normalizedThreshold()
        .ifPresent(value -> LOG.info("Verify decides on normalised scores, threshold {}", value));
    LOG.info(
        "Verify threshold {}, identify threshold {}, single-view probes {} for model {}",
        service.threshold(),
        service.identifyThreshold(),
        service.singleViewMargin().isPresent()
            ? "within "
                + service.singleViewMargin().getAsDouble()
                + (service.normalizedThreshold().isPresent() ? " of the normalised" : " of the")
                + " threshold re-scored mirrored"
            : "off",
        recognizer.modelName());
    return service;
  }

  /**
   * The pipeline's view of the gallery settings; {@code configuration_invalid} when the store is
   * PostgreSQL without a usable URL.
   */
  private static ServiceSettings settings(
      FacegateConfiguration configuration,
      GalleryConfiguration galleryConfiguration,
      GalleryStoreConfiguration store) {
    return new ServiceSettings(
        Path.of(configuration.galleryDir()),
        store.postgres() ? store.postgresSettings() : null,
        galleryConfiguration.storeCrops(),
        configuration.configuredThreshold(),
        "facegate.verify-threshold (environment FACEGATE_VERIFY_THRESHOLD)",
        configuration.verifySingleView());
  }
}
