package facegate.api;

import facegate.api.RecognitionBodies.IdentifyBody;
import facegate.api.RecognitionBodies.VerifyBody;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.pipeline.FaceService;
import facegate.pipeline.Identification;
import facegate.pipeline.Verification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;

/** 1:1 verification and 1:N identification, verifier or admin key. */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class RecognitionController {
  private final FaceService faces;
  private final DecisionRecorder decisions;

  RecognitionController(FaceService faces, DecisionRecorder decisions) {
    this.faces = faces;
    this.decisions = decisions;
  }

  /** {@code photo} against an enrolled person ({@code id}) or a second photo ({@code other}). */
  @Post(value = "/verify", consumes = MediaType.MULTIPART_FORM_DATA)
  public VerifyBody verify(
      HttpRequest<?> request,
      @Part("photo") CompletedFileUpload photo,
      @Part("id") @Nullable String id,
      @Part("other") @Nullable CompletedFileUpload other)
      throws IOException {
    if ((id == null) == (other == null)) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST, "send exactly one of the parts 'id' and 'other'");
    }
    Verification verification =
        id != null
            ? faces.verify(photo.getBytes(), id)
            : faces.verifyPhotos(photo.getBytes(), other.getBytes());
    decisions.verified(request, id, verification);
    return VerifyBody.of(verification);
  }

  /** The enrolled people most like the face in {@code photo}; {@code k} 1..100, default 5. */
  @Post(value = "/identify", consumes = MediaType.MULTIPART_FORM_DATA)
  public IdentifyBody identify(
      HttpRequest<?> request,
      @Part("photo") CompletedFileUpload photo,
      @Part("k") @Nullable Integer k)
      throws IOException {
    Identification identification =
        faces.identify(photo.getBytes(), k == null ? FaceService.DEFAULT_CANDIDATES : k);
    decisions.identified(request, identification);
    return IdentifyBody.of(identification);
  }
}
