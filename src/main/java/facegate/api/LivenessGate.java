package facegate.api;

import facegate.core.FaceException;
import facegate.pipeline.LivenessCheck;
import facegate.pipeline.LivenessDecision;
import facegate.pipeline.ProbePhoto;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The liveness step of verify and identify: whether a request asks for it (its {@code liveness}
 * part, {@code true} or {@code false}; absent: {@code facegate.liveness.enabled}), the check, and
 * for a face judged not live an audit entry and {@code 403 presentation_attack}.
 */
@Singleton
final class LivenessGate {
  private final LivenessCheck check;
  private final DecisionRecorder decisions;
  private final boolean byDefault;

  LivenessGate(LivenessCheck check, DecisionRecorder decisions, LivenessConfiguration settings) {
    this.check = check;
    this.decisions = decisions;
    this.byDefault = settings.enabled();
  }

  /**
   * Checks {@code photo} when the request asks for it; the face it detects is kept in {@code photo}
   * for the verify or identify that follows.
   *
   * @param action {@code verify} or {@code identify}, for the audit log
   * @param subject the enrolled person a verify is against, or null
   * @return the decision (live), or null when liveness is off for this request
   * @throws FaceException {@code presentation_attack} when the face is judged not live
   */
  LivenessDecision require(
      HttpRequest<?> request, FormParts parts, String action, String subject, ProbePhoto photo) {
    if (!wanted(parts.optionalText("liveness").orElse(null), byDefault)) {
      return null;
    }
    LivenessDecision decision = check.check(photo);
    if (!decision.live()) {
      decisions.livenessChecked(request, action, subject, decision);
      LivenessCheck.requireLive(decision);
    }
    return decision;
  }

  /** The {@code liveness} part: {@code true} or {@code false}; absent or empty: the default. */
  static boolean wanted(String part, boolean byDefault) {
    return FormParts.flag("liveness", part, byDefault);
  }
}
