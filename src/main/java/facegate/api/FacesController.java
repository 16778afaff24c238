package facegate.api;

import facegate.pipeline.FaceRecognizer;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /v1/faces/detect} (verifier or admin key): what enrollment would use, before anything
 * is stored. Nothing is kept: not the photo, not the crop.
 */
@RequiredRole(Role.VERIFIER)
@Controller("/v1/faces")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class FacesController {
  private final FaceRecognizer recognizer;

  public FacesController(FaceRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  /** Every face in {@code photo} (largest first) and the largest one's aligned chip as a PNG. */
  @Post(value = "/detect", consumes = MediaType.MULTIPART_FORM_DATA)
  public FacePreviewBody detect(@Body MultipartBody body) {
    return FacePreviewBody.of(recognizer.preview(FormParts.read(body).photo("photo")));
  }
}
