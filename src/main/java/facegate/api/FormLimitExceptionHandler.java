package facegate.api;

import facegate.core.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Micronaut reports both a body over the size limit and a multipart body its form decoder gives up
 * on (more than 128 parts, or a text part over 1 KiB, which is what random bytes look like) as
 * "content length exceeded". The first is {@code 413 request_too_large}; the second is a malformed
 * request, {@code 400 malformed_request}. Both in facegate's words, without the framework's.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
public final class FormLimitExceptionHandler
    implements ExceptionHandler<ContentLengthExceededException, HttpResponse<ErrorBody>> {
  /** The form decoder's own limits (Micronaut's defaults). */
  static final int MAX_PARTS = 128;

  static final int MAX_TEXT_PART_BYTES = 1024;

  @Override
  public HttpResponse<ErrorBody> handle(
      HttpRequest request, ContentLengthExceededException exception) {
    MutableHttpResponse<ErrorBody> answer = answer(exception.getMessage());
    // over the size limit, the server closes the connection after answering (the client must not
    // reuse it); a malformed body is read to its end, and the connection stays usable
    return answer.code() == 413 ? answer.header(HttpHeaders.CONNECTION, "close") : answer;
  }

  static MutableHttpResponse<ErrorBody> answer(String frameworkMessage) {
    if (isFormLimit(frameworkMessage)) {
      return ErrorBody.response(
          ErrorCode.MALFORMED_REQUEST,
          "the multipart body is malformed or has too many parts (at most "
              + MAX_PARTS
              + ", text parts at most "
              + MAX_TEXT_PART_BYTES
              + " bytes); send only the parts the endpoint takes, e.g. photo and id");
    }
    return ErrorBody.response(ErrorCode.REQUEST_TOO_LARGE, ErrorBodyProcessor.TOO_LARGE_MESSAGE);
  }

  private static boolean isFormLimit(String message) {
    return message != null
        && (message.startsWith("Number of form fields")
            || message.startsWith("Length of buffered form field"));
  }
}
