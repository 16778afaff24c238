package facegate.api;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import io.micronaut.core.annotation.AnnotationMetadata;
import java.util.Optional;

/**
 * Who may call which endpoint: decided from the route a request matched, never from the spelling of
 * its path. A controller names its role with {@link RequiredRole} (admin for {@code /v1/people/**}
 * and {@code /v1/audit}, verifier for verify, identify, face preview, crops and session) or waives
 * the key with {@link NoKeyRequired} (the page); Micronaut's management endpoints need a verifier
 * key except {@code health}, which is open. A matched route with no declaration needs an admin key
 * (fail closed). A request that matches no route needs no key: it is answered 404 (or a static file
 * of the page). The key travels in the {@value #HEADER} header.
 */
public final class AccessPolicy {
  /** The request header carrying the API key. */
  public static final String HEADER = "X-API-Key";

  private static final String ENDPOINT_ANNOTATION =
      "io.micronaut.management.endpoint.annotation.Endpoint";
  private static final String OPEN_ENDPOINT = "health";

  private final ApiKeys keys;

  public AccessPolicy(ApiKeys keys) {
    this.keys = keys;
  }

  /**
   * The role a route requires, from its annotations (method first, then its controller).
   *
   * @return empty when the route needs no key
   */
  public static Optional<Role> requiredRole(AnnotationMetadata route) {
    if (route.hasAnnotation(NoKeyRequired.class)) {
      return Optional.empty();
    }
    Optional<Role> declared = route.enumValue(RequiredRole.class, Role.class);
    if (declared.isPresent()) {
      return declared;
    }
    if (route.hasStereotype(ENDPOINT_ANNOTATION)) {
      String id =
          route
              .stringValue(ENDPOINT_ANNOTATION)
              .or(() -> route.stringValue(ENDPOINT_ANNOTATION, "id"))
              .orElse("");
      return OPEN_ENDPOINT.equals(id) ? Optional.empty() : Optional.of(Role.VERIFIER);
    }
    return Optional.of(Role.ADMIN);
  }

  /**
   * Checks a request's key against the role its route requires.
   *
   * @param presentedKey the {@value #HEADER} header, or null when absent
   * @param required the role the route requires
   * @return the caller (key name and role)
   * @throws FaceException {@code unauthorized} when no keys are configured or the key is missing or
   *     unknown; {@code forbidden} when the key's role does not allow the endpoint
   */
  public Caller authorize(String presentedKey, Role required) {
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
    if (!caller.role().allows(required)) {
      throw new FaceException(
          ErrorCode.FORBIDDEN, "this endpoint needs an admin key; yours is a verifier key");
    }
    return caller;
  }
}
