package facegate.api;

import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FaceService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's long-lived parts: the face pipeline (models loaded once), the gallery folder
 * (locked while the service runs) and the {@link FaceService} over both. Both are closed on
 * shutdown.
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
  Gallery gallery(FacegateConfiguration configuration, FaceRecognizer recognizer) {
    Path folder = Path.of(configuration.galleryDir());
    Gallery gallery =
        HnswGallery.open(folder, GalleryOptions.of(recognizer.modelName(), recognizer.dimension()));
    LOG.info("Gallery {}: {} people", folder.toAbsolutePath(), gallery.size());
    return gallery;
  }

  @Singleton
  FaceService faceService(
      FacegateConfiguration configuration, FaceRecognizer recognizer, Gallery gallery) {
    double threshold =
        FaceService.resolveThreshold(
            configuration.configuredThreshold(),
            recognizer.verifyThreshold(),
            "facegate.verify-threshold (environment FACEGATE_VERIFY_THRESHOLD)");
    LOG.info("Verify threshold {} for model {}", threshold, recognizer.modelName());
    return new FaceService(recognizer, gallery, threshold);
  }
}
