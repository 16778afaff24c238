package facegate.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * API keys, under {@code facegate.keys.*} (environment: {@code FACEGATE_KEYS_ADMIN}, {@code
 * FACEGATE_KEYS_VERIFIER}, comma-separated). With none configured the service still starts, and
 * every {@code /v1} call answers 401 saying how to configure keys.
 *
 * @param admin keys that may enroll, list, delete, verify and identify; blank entries are ignored
 * @param verifier keys that may only verify and identify; blank entries are ignored
 */
@ConfigurationProperties("facegate.keys")
public record ApiKeysConfiguration(@Nullable List<String> admin, @Nullable List<String> verifier) {
  public ApiKeysConfiguration {
    admin = admin == null ? List.of() : List.copyOf(admin);
    verifier = verifier == null ? List.of() : List.copyOf(verifier);
  }
}
