package facegate.api;

import io.micronaut.http.HttpRequest;
import java.util.Locale;
import java.util.Objects;

/**
 * Who made a request: the name of their API key and its role, never the key itself.
 *
 * @param name e.g. {@code admin#1}: the role and the key's 1-based position in its configured list
 */
public record Caller(String name, Role role) {
  /** The request attribute {@link ApiKeyFilter} leaves the caller in. */
  public static final String ATTRIBUTE = "facegate.caller";

  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
  }

  /** The role in lower case, as the audit log and the API show it. */
  public String roleName() {
    return role.name().toLowerCase(Locale.ROOT);
  }

  /** The caller the filter authorised for {@code request}. */
  static Caller of(HttpRequest<?> request) {
    return request
        .getAttribute(ATTRIBUTE, Caller.class)
        .orElseThrow(() -> new IllegalStateException("no caller: the API key filter did not run"));
  }
}
