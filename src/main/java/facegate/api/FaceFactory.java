package facegate.api;

import facegate.core.Person;
import facegate.gallery.AuditLog;
import facegate.gallery.FaceCrops;
import facegate.gallery.FolderFaceCrops;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.gallery.PostgresGallery;
import facegate.gallery.PostgresSettings;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FaceService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's long-lived parts: the face pipeline (models loaded once), the gallery (a folder
 * locked while the service runs, or PostgreSQL with {@code facegate.gallery.store=postgres}) and
 * the {@link FaceService} over both. Both are closed on shutdown.
 */
@Factory
final class FaceFactory {
  private static final Logger LOG = LoggerFactory.getLogger(FaceFactory.class);

  @Singleton
  @Bean(preDestroy = "close")
  FaceRecognizer faceRecognizer(FacegateConfiguration configuration, LoadConfiguration load) {
    Path models = Path.of(configuration.modelsDir());
    return FaceRecognizer.open(
        models.resolve(configuration.model()),
        models.resolve(configuration.landmarkModel()),
        models.resolve(configuration.detectorModel()),
        configuration.predictors(),
        load.settings());
  }

  @Singleton
  @Bean(preDestroy = "close")
  Gallery gallery(
      FacegateConfiguration configuration,
      GalleryStoreConfiguration store,
      FaceRecognizer recognizer) {
    GalleryOptions options = GalleryOptions.of(recognizer.modelName(), recognizer.dimension());
    if (store.postgres()) {
      PostgresSettings settings = store.postgresSettings();
      Gallery gallery = PostgresGallery.open(settings, options);
      LOG.info("Gallery in PostgreSQL {}: {} people", settings.jdbcUrl(), gallery.size());
      return gallery;
    }
    Path folder = Path.of(configuration.galleryDir());
    Gallery gallery = HnswGallery.open(folder, options);
    LOG.info("Gallery {}: {} people", folder.toAbsolutePath(), gallery.size());
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
      Gallery gallery) {
    if (!galleryConfiguration.storeCrops()) {
      return FaceCrops.NONE;
    }
    FolderFaceCrops crops = new FolderFaceCrops(Path.of(configuration.galleryDir(), "crops"));
    List<String> enrolled =
        gallery.list(0, gallery.size()).people().stream().map(Person::id).toList();
    int stale = crops.retainOnly(enrolled);
    LOG.info(
        "Storing face crops in {} ({} stale ones deleted)",
        Path.of(configuration.galleryDir(), "crops"),
        stale);
    return crops;
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
      FaceRecognizer recognizer,
      Gallery gallery,
      FaceCrops crops,
      ServiceMetrics metrics) {
    recognizer.reportTo(metrics);
    double threshold =
        FaceService.resolveThreshold(
            configuration.configuredThreshold(),
            recognizer.verifyThreshold(),
            "facegate.verify-threshold (environment FACEGATE_VERIFY_THRESHOLD)");
    double identifyThreshold =
        FaceService.resolveIdentifyThreshold(
            configuration.configuredThreshold(), recognizer.identifyThreshold(), threshold);
    OptionalDouble singleViewMargin =
        configuration.verifySingleView() ? recognizer.singleViewMargin() : OptionalDouble.empty();
    LOG.info(
        "Verify threshold {}, identify threshold {}, single-view probes {} for model {}",
        threshold,
        identifyThreshold,
        singleViewMargin.isPresent()
            ? "within " + singleViewMargin.getAsDouble() + " of the threshold re-scored mirrored"
            : "off",
        recognizer.modelName());
    return new FaceService(
        recognizer, gallery, threshold, identifyThreshold, crops, singleViewMargin);
  }
}
