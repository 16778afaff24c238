package facegate.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every answer: {@code X-Content-Type-Options: nosniff} (a browser never guesses a type,
 * so an uploaded or echoed byte string cannot run as a script), {@code Referrer-Policy:
 * no-referrer}, and a Content-Security-Policy that lets the page load only its own scripts, styles
 * and images (plus the {@code data:}/{@code blob:} images and the webcam stream it makes itself)
 * and talk only to this service; no inline script, no framing. The Swagger UI, whose page relies on
 * inline code, is served without the policy.
 */
@ServerFilter("/**")
public final class SecurityHeadersFilter {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " media-src 'self' blob: mediastream:; connect-src 'self'; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";

  @ResponseFilter
  public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
    response.header("X-Content-Type-Options", "nosniff");
    response.header("Referrer-Policy", "no-referrer");
    if (!request.getPath().startsWith("/swagger-ui")) {
      response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
  }
}
