package facegate.api;

import facegate.core.FaceException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.util.Optional;

/**
 * Checks the {@code X-API-Key} header of every request whose matched route needs a key (see {@link
 * AccessPolicy}); the role comes from the route Micronaut matched, so {@code /v1/audit/} or {@code
 * //v1/audit} need the same admin key as {@code /v1/audit}. The caller is left on the request as
 * the {@link Caller} attribute.
 */
@ServerFilter("/**")
public final class ApiKeyFilter {
  private final AccessPolicy policy;

  public ApiKeyFilter(ApiKeysConfiguration configuration) {
    this.policy = new AccessPolicy(new ApiKeys(configuration.admin(), configuration.verifier()));
  }

  /** Null lets the request through; otherwise the 401/403 answer. */
  @RequestFilter
  @Nullable
  public HttpResponse<ErrorBody> authorize(HttpRequest<?> request) {
    Optional<Role> required =
        RouteAttributes.getRouteMatch(request)
            .flatMap(route -> AccessPolicy.requiredRole(route.getAnnotationMetadata()));
    if (required.isEmpty()) {
      return null;
    }
    try {
      Caller caller =
          policy.authorize(request.getHeaders().get(AccessPolicy.HEADER), required.get());
      request.setAttribute(Caller.ATTRIBUTE, caller);
      return null;
    } catch (FaceException e) {
      return ErrorBody.response(e.errorCode(), e.getMessage());
    }
  }
}
