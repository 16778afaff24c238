package facegate.gallery;

import java.time.Instant;
import java.util.Objects;

/**
 * One decision in the audit log. Never holds an image, an embedding or an API key.
 *
 * @param at ISO-8601 instant, e.g. {@code 2026-11-27T14:00:00.123Z}
 * @param who the caller's key name (e.g. {@code admin#1}: role and position in the configured
 *     list), or {@code cli}
 * @param role {@code admin}, {@code verifier} or {@code cli}
 * @param action {@code enroll}, {@code delete}, {@code verify} or {@code identify}
 * @param subject the person id concerned (for identify: the best candidate, or empty), or empty for
 *     photo-to-photo verification
 * @param score the cosine score of the decision, null when it has none (enroll, delete, identify of
 *     an empty gallery)
 * @param outcome {@code enrolled}, {@code deleted}, {@code match}, {@code no_match}, {@code known}
 *     or {@code unknown}
 */
public record AuditEntry(
    String at,
    String who,
    String role,
    String action,
    String subject,
    Double score,
    String outcome) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(action, "action");
    subject = subject == null ? "" : subject;
    Objects.requireNonNull(outcome, "outcome");
  }

  /** An entry stamped now. */
  public static AuditEntry now(
      String who, String role, String action, String subject, Double score, String outcome) {
    return new AuditEntry(Instant.now().toString(), who, role, action, subject, score, outcome);
  }
}
