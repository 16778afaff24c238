package facegate.api;

import facegate.core.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Locale;

/**
 * Refuses, before its body is read, a {@code multipart/form-data} request whose boundary is
 * missing, empty or longer than RFC 2046's 70 characters: {@code 400 malformed_request}. (Netty's
 * form decoder fails on an empty boundary with an index error that would otherwise be a 500 and a
 * stack trace per request.)
 */
@ServerFilter("/**")
public final class RequestShapeFilter {
  /** RFC 2046: a boundary has 1 to 70 characters. */
  static final int MAX_BOUNDARY_CHARS = 70;

  /** Null lets the request through; otherwise the 400 answer. */
  @RequestFilter
  @Nullable
  public HttpResponse<ErrorBody> checkMultipart(HttpRequest<?> request) {
    String problem = boundaryProblem(request.getHeaders().get(HttpHeaders.CONTENT_TYPE));
    if (problem == null) {
      return null;
    }
    return ErrorBody.response(
        ErrorCode.MALFORMED_REQUEST,
        problem
            + "; send multipart/form-data with a boundary of 1 to 70 characters (curl -F does)");
  }

  /**
   * What is wrong with a multipart Content-Type's boundary, or null when it is fine or the request
   * is not multipart.
   */
  @Nullable
  static String boundaryProblem(@Nullable String contentType) {
    if (contentType == null
        || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return null;
    }
    String boundary = null;
    for (String parameter : contentType.split(";")) {
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("boundary")) {
        boundary = unquoted(parameter.substring(equals + 1).strip());
      }
    }
    if (boundary == null) {
      return "the multipart Content-Type has no boundary";
    }
    if (boundary.isEmpty()) {
      return "the multipart boundary is empty";
    }
    if (boundary.length() > MAX_BOUNDARY_CHARS) {
      return "the multipart boundary has " + boundary.length() + " characters";
    }
    return null;
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
