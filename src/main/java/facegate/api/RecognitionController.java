package facegate.api;

import facegate.api.RecognitionBodies.IdentifyBody;
import facegate.api.RecognitionBodies.VerifyBody;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.pipeline.FaceService;
import facegate.pipeline.Identification;
import facegate.pipeline.LivenessDecision;
import facegate.pipeline.ProbePhoto;
import facegate.pipeline.Verification;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** 1:1 verification and 1:N identification, verifier or admin key. */
@RequiredRole(Role.VERIFIER)
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class RecognitionController {
  private final FaceService faces;
  private final DecisionRecorder decisions;
  private final LivenessGate liveness;

  RecognitionController(FaceService faces, DecisionRecorder decisions, LivenessGate liveness) {
    this.faces = faces;
    this.decisions = decisions;
    this.liveness = liveness;
  }

  /**
   * {@code photo} against an enrolled person ({@code id}) or a second photo ({@code other}); with
   * {@code liveness=true} (default {@code facegate.liveness.enabled}) {@code photo} must be judged
   * live first, or the answer is {@code 403 presentation_attack}.
   */
  @Post(value = "/verify", consumes = MediaType.MULTIPART_FORM_DATA)
  public VerifyBody verify(HttpRequest<?> request, @Body MultipartBody body) {
    FormParts parts = FormParts.read(body);
    byte[] photo = parts.photo("photo");
    String id = parts.optionalText("id").orElse(null);
    byte[] other = parts.optionalBytes("other").orElse(null);
    if ((id == null) == (other == null)) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST, "send exactly one of the parts 'id' and 'other'");
    }
    ProbePhoto probe = ProbePhoto.of(photo);
    LivenessDecision live = liveness.require(request, parts, "verify", id, probe);
    Verification verification =
        id != null ? faces.verify(probe, id) : faces.verifyPhotos(probe, other);
    decisions.verified(request, id, verification);
    return VerifyBody.of(verification, live);
  }

  /**
   * The enrolled people most like the face in {@code photo}; {@code k} 1..100, default 5; {@code
   * liveness} as for verify.
   */
  @Post(value = "/identify", consumes = MediaType.MULTIPART_FORM_DATA)
  public IdentifyBody identify(HttpRequest<?> request, @Body MultipartBody body) {
    FormParts parts = FormParts.read(body);
    int k =
        parts
            .optionalText("k")
            .map(RecognitionController::candidates)
            .orElse(FaceService.DEFAULT_CANDIDATES);
    ProbePhoto probe = ProbePhoto.of(parts.photo("photo"));
    LivenessDecision live = liveness.require(request, parts, "identify", null, probe);
    Identification identification = faces.identify(probe, k);
    decisions.identified(request, identification);
    return IdentifyBody.of(identification, live);
  }

  /** The {@code k} part: a whole number (the service checks its range). */
  static int candidates(String part) {
    try {
      return Integer.parseInt(part.strip());
    } catch (NumberFormatException e) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST,
          "k must be a whole number of candidates, got '" + part + "'");
    }
  }
}
