package facegate.api;

import facegate.core.Match;
import facegate.core.Person;
import facegate.gallery.AuditEntry;
import facegate.gallery.AuditLog;
import facegate.pipeline.Identification;
import facegate.pipeline.LivenessDecision;
import facegate.pipeline.Verification;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Writes each decision the API makes to the audit log (who, when, what, score; never the image) and
 * counts verify/identify outcomes in {@link ServiceMetrics}.
 */
@Singleton
final class DecisionRecorder {
  private final AuditLog audit;
  private final ServiceMetrics metrics;

  DecisionRecorder(AuditLog audit, ServiceMetrics metrics) {
    this.audit = audit;
    this.metrics = metrics;
  }

  void enrolled(HttpRequest<?> request, Person person) {
    write(request, "enroll", person.id(), null, "enrolled");
  }

  void deleted(HttpRequest<?> request, String id) {
    write(request, "delete", id, null, "deleted");
  }

  /**
   * @param id the enrolled person compared with, or null for photo-to-photo verification
   */
  void verified(HttpRequest<?> request, String id, Verification verification) {
    String outcome = verification.match() ? "match" : "no_match";
    metrics.decided("verify", outcome);
    write(request, "verify", id, verification.score(), outcome);
  }

  void identified(HttpRequest<?> request, Identification identification) {
    String outcome = identification.unknown() ? "unknown" : "known";
    metrics.decided("identify", outcome);
    Match best = identification.candidates().isEmpty() ? null : identification.candidates().get(0);
    write(
        request,
        "identify",
        best == null ? null : best.personId(),
        best == null ? null : best.score(),
        outcome);
  }

  /**
   * A liveness decision: on its own ({@code action} {@code liveness}), or one that refuses a verify
   * or identify ({@code action} {@code verify} or {@code identify}); outcome {@code live} or {@code
   * presentation_attack}, score the liveness score.
   *
   * @param subject the enrolled person a verify was against, or null
   */
  void livenessChecked(
      HttpRequest<?> request, String action, String subject, LivenessDecision decision) {
    String outcome = decision.live() ? "live" : "presentation_attack";
    metrics.decided(action, outcome);
    write(request, action, subject, decision.score(), outcome);
  }

  private void write(
      HttpRequest<?> request, String action, String subject, Double score, String outcome) {
    Caller caller = Caller.of(request);
    audit.append(AuditEntry.now(caller.name(), caller.roleName(), action, subject, score, outcome));
  }
}
