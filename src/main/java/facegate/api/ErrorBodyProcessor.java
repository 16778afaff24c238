package facegate.api;

import facegate.core.ErrorCode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpVersion;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Micronaut's own errors (unknown route, wrong method, missing or unconvertible parts, unsupported
 * media type, too large a request, uncaught exceptions) in facegate's {@link ErrorBody} form, so no
 * default Micronaut error JSON (or HTML page) leaks. The status Micronaut chose is kept; the code
 * is derived from it. Server errors do not echo exception messages.
 */
@Singleton
public final class ErrorBodyProcessor implements ErrorResponseProcessor<ErrorBody> {
  /** The answer to a request over the size limits. */
  static final String TOO_LARGE_MESSAGE =
      "the request is too large: at most 12 MiB in all, a photo at most 10 MiB, the request line"
          + " and each header at most 4 KiB";

  /** A Java class name with its package, e.g. {@code io.micronaut.http.multipart.Part}. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z][A-Za-z0-9_$]*");

  /**
   * Micronaut's own explanation of a 4xx, unless it names framework classes (a binding or
   * conversion message): then a plain request to check the parts and parameters.
   */
  static String clientMessage(String detail) {
    if (detail.isBlank()) {
      return "bad request";
    }
    if (CLASS_NAME.matcher(detail).find() || detail.contains("TypeConverter")) {
      return "a part or parameter of the request has the wrong form; see the API in the README"
          + " (photos as file parts, ids and names as text)";
    }
    return detail;
  }

  @Override
  public MutableHttpResponse<ErrorBody> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    ErrorCode code = codeFor(status);
    String detail =
        context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
    String message =
        switch (code) {
          case NOT_FOUND -> "no such endpoint: " + context.getRequest().getPath();
          case METHOD_NOT_ALLOWED ->
              context.getRequest().getMethod()
                  + " is not allowed on "
                  + context.getRequest().getPath();
          case REQUEST_TOO_LARGE -> TOO_LARGE_MESSAGE;
          case UNSUPPORTED_MEDIA_TYPE ->
              "unsupported content type: send photos as multipart/form-data";
          case INTERNAL -> "internal error; the server log has the details";
          default -> clientMessage(detail);
        };
    if (closesConnection(context.getRequest().getHttpVersion(), status)) {
      response.header(HttpHeaders.CONNECTION, "close");
    }
    return response
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(new ErrorBody(code.code(), message));
  }

  /**
   * Whether the server closes the connection after this answer, so the client must be told not to
   * reuse it. A request Netty could not decode (too long a request line or header) arrives as HTTP
   * 1.0, and a request refused as too large is answered before its body is read: in both cases the
   * connection is closed after the answer, and a client pooling it would send its next request into
   * a closing socket ("header parser received no bytes" in the JDK client, seen in 30 of 300
   * tries).
   */
  static boolean closesConnection(HttpVersion version, int status) {
    return version == HttpVersion.HTTP_1_0 || status == 413;
  }

  /** facegate's code for an HTTP status Micronaut answered with. */
  static ErrorCode codeFor(int status) {
    return switch (status) {
      case 401 -> ErrorCode.UNAUTHORIZED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 413 -> ErrorCode.REQUEST_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      default -> status >= 400 && status < 500 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL;
    };
  }
}
