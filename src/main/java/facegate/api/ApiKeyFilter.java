package facegate.api;

import facegate.core.FaceException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Checks the {@code X-API-Key} header of every {@code /v1} request and of the management endpoints
 * {@code /info}, {@code /metrics} and {@code /prometheus} ({@code /health} stays open); see {@link
 * AccessPolicy}. The caller is left on the request as the {@link Caller} attribute.
 */
@ServerFilter({
  "/v1/**",
  "/info",
  "/info/**",
  "/metrics",
  "/metrics/**",
  "/prometheus",
  "/prometheus/**"
})
public final class ApiKeyFilter {
  private final AccessPolicy policy;

  public ApiKeyFilter(ApiKeysConfiguration configuration) {
    this.policy = new AccessPolicy(new ApiKeys(configuration.admin(), configuration.verifier()));
  }

  /** Null lets the request through; otherwise the 401/403 answer. */
  @RequestFilter
  @Nullable
  public HttpResponse<ErrorBody> authorize(HttpRequest<?> request) {
    try {
      Caller caller =
          policy.authorizeCaller(request.getHeaders().get(AccessPolicy.HEADER), request.getPath());
      request.setAttribute(Caller.ATTRIBUTE, caller);
      return null;
    } catch (FaceException e) {
      return ErrorBody.response(e.errorCode(), e.getMessage());
    }
  }
}
