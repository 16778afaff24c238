package facegate.api;

import facegate.core.ErrorCode;
import facegate.core.FaceException;

/**
 * Who may call which {@code /v1} endpoint: managing people ({@code /v1/people/**}) needs an admin
 * key; verify and identify take a verifier or an admin key. The key travels in the {@value #HEADER}
 * header.
 */
public final class AccessPolicy {
  /** The request header carrying the API key. */
  public static final String HEADER = "X-API-Key";

  private final ApiKeys keys;

  public AccessPolicy(ApiKeys keys) {
    this.keys = keys;
  }

  /**
   * The role an endpoint under {@code path} requires: admin for {@code /v1/people/**} and {@code
   * /v1/audit}, verifier (or admin) for the rest (verify, identify, face preview, crops, session,
   * and the management endpoints info, metrics and prometheus).
   */
  public static Role requiredRole(String path) {
    return path.equals("/v1/people") || path.startsWith("/v1/people/") || path.equals("/v1/audit")
        ? Role.ADMIN
        : Role.VERIFIER;
  }

  /**
   * Checks a request's key against the endpoint it calls.
   *
   * @param presentedKey the {@value #HEADER} header, or null when absent
   * @param path the request path, e.g. {@code /v1/people/alice}
   * @return the caller's role
   * @throws FaceException {@code unauthorized} when no keys are configured or the key is missing or
   *     unknown; {@code forbidden} when the key's role does not allow the endpoint
   */
  public Role authorize(String presentedKey, String path) {
    return authorizeCaller(presentedKey, path).role();
  }

  /** As {@link #authorize}, answering who the caller is (key name and role). */
  public Caller authorizeCaller(String presentedKey, String path) {
    if (keys.isEmpty()) {
      throw new FaceException(
          ErrorCode.UNAUTHORIZED,
          "no API keys are configured; set facegate.keys.admin and facegate.keys.verifier"
              + " (environment FACEGATE_KEYS_ADMIN, FACEGATE_KEYS_VERIFIER; comma-separated) and"
              + " restart");
    }
    if (presentedKey == null || presentedKey.isBlank()) {
      throw new FaceException(
          ErrorCode.UNAUTHORIZED, "missing API key: send it in the " + HEADER + " header");
    }
    Caller caller =
        keys.callerOf(presentedKey)
            .orElseThrow(
                () ->
                    new FaceException(
                        ErrorCode.UNAUTHORIZED,
                        "unknown API key in the " + HEADER + " header; ask an operator for one"));
    Role required = requiredRole(path);
    if (!caller.role().allows(required)) {
      throw new FaceException(
          ErrorCode.FORBIDDEN, "this endpoint needs an admin key; yours is a verifier key");
    }
    return caller;
  }
}
