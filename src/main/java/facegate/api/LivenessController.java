package facegate.api;

import facegate.pipeline.LivenessCheck;
import facegate.pipeline.LivenessDecision;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /v1/liveness} (verifier or admin key): the liveness check of a photo's largest face
 * alone, answered (not refused) whatever the decision, and written to the audit log.
 */
@RequiredRole(Role.VERIFIER)
@Controller("/v1/liveness")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class LivenessController {
  private final LivenessCheck check;
  private final DecisionRecorder decisions;

  LivenessController(LivenessCheck check, DecisionRecorder decisions) {
    this.check = check;
    this.decisions = decisions;
  }

  /** Whether the face in {@code photo} is live; {@code no_face} when there is none. */
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  public LivenessBody liveness(HttpRequest<?> request, @Body MultipartBody body) {
    LivenessDecision decision = check.check(FormParts.read(body).photo("photo"));
    decisions.livenessChecked(request, "liveness", null, decision);
    return LivenessBody.of(decision);
  }
}
