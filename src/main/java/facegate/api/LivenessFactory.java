package facegate.api;

import facegate.pipeline.Composition;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.LivenessCheck;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The liveness check as a bean, over the face pipeline's decoder and detector. */
@Factory
final class LivenessFactory {
  private static final Logger LOG = LoggerFactory.getLogger(LivenessFactory.class);

  @Singleton
  LivenessCheck livenessCheck(
      FacegateConfiguration configuration,
      LivenessConfiguration liveness,
      FaceRecognizer recognizer) {
    Path folder = Path.of(configuration.modelsDir()).resolve(liveness.model());
    LivenessCheck check = Composition.liveness(folder, liveness.configuredThreshold(), recognizer);
    LOG.info(
        "Liveness model {} (threshold {}), checked by default: {}",
        folder,
        check.threshold(),
        liveness.enabled());
    return check;
  }
}
