package facegate.api;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FaceService;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.endpoint.info.InfoSource;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code GET /info} (any key): the models' manifests ({@code model.json}: source package, version,
 * file hashes, calibration) and the threshold and pipeline in use.
 */
@Singleton
final class ModelInfoSource implements InfoSource {
  private static final Gson GSON =
      new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();
  private final FacegateConfiguration configuration;
  private final FaceService faces;

  ModelInfoSource(FacegateConfiguration configuration, FaceService faces) {
    this.configuration = configuration;
    this.faces = faces;
  }

  @Override
  public Publisher<PropertySource> getSource() {
    Path models = Path.of(configuration.modelsDir());
    Map<String, Object> manifests = new LinkedHashMap<>();
    for (String model :
        new String[] {
          configuration.model(), configuration.landmarkModel(), configuration.detectorModel()
        }) {
      manifests.put(model, manifest(models.resolve(model).resolve("model.json")));
    }
    Map<String, Object> facegate = new LinkedHashMap<>();
    facegate.put("model", configuration.model());
    facegate.put("verifyThreshold", faces.threshold());
    facegate.put("pipeline", FaceRecognizer.PIPELINE_VERSION);
    facegate.put("manifests", manifests);
    return Publishers.just(PropertySource.of("facegate", Map.of("facegate", facegate)));
  }

  private static Object manifest(Path file) {
    try {
      return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Map.class);
    } catch (IOException | JsonParseException e) {
      return Map.of("error", "cannot read " + file + ": " + e.getMessage());
    }
  }
}
