package facegate.api;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.gallery.AuditEntry;
import facegate.gallery.AuditLog;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code GET /v1/audit?limit=100} (admin key): the latest audit log entries, oldest first. */
@RequiredRole(Role.ADMIN)
@Controller("/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AuditController {
  /** Most entries one call returns. */
  static final int MAX_LIMIT = 10_000;

  private final AuditLog audit;

  public AuditController(AuditLog audit) {
    this.audit = audit;
  }

  /** The answer: entries oldest first. */
  @Serdeable
  public record AuditPage(List<AuditEntryBody> entries) {}

  /** One entry; see {@link AuditEntry}. */
  @Serdeable
  public record AuditEntryBody(
      String at,
      String who,
      String role,
      String action,
      String subject,
      Double score,
      String outcome) {
    static AuditEntryBody of(AuditEntry entry) {
      return new AuditEntryBody(
          entry.at(),
          entry.who(),
          entry.role(),
          entry.action(),
          entry.subject(),
          entry.score(),
          entry.outcome());
    }
  }

  @Get
  public AuditPage latest(@QueryValue(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST, "limit must be in 1.." + MAX_LIMIT + ", got " + limit);
    }
    return new AuditPage(audit.tail(limit).stream().map(AuditEntryBody::of).toList());
  }
}
