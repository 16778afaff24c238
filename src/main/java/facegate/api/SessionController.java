package facegate.api;

import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FaceService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /v1/session} (any key): who the key belongs to and what the service does with faces;
 * the web page calls it to log in.
 */
@RequiredRole(Role.VERIFIER)
@Controller("/v1/session")
public final class SessionController {
  private final FaceService faces;
  private final FaceRecognizer recognizer;

  public SessionController(FaceService faces, FaceRecognizer recognizer) {
    this.faces = faces;
    this.recognizer = recognizer;
  }

  /**
   * @param who the key's name, e.g. {@code admin#1}
   * @param role {@code admin} or {@code verifier}
   * @param storeCrops whether enrollment keeps face crops ({@code facegate.gallery.store-crops})
   */
  @Serdeable
  public record SessionBody(
      String who, String role, String model, double threshold, boolean storeCrops) {}

  @Get
  public SessionBody session(HttpRequest<?> request) {
    Caller caller = Caller.of(request);
    return new SessionBody(
        caller.name(),
        caller.roleName(),
        recognizer.modelName(),
        faces.threshold(),
        faces.keepsCrops());
  }
}
