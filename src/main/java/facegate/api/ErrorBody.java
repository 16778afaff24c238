package facegate.api;

import facegate.core.ErrorCode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error answer: a stable code clients switch on and a message saying how to fix
 * the problem.
 */
@Serdeable
public record ErrorBody(String code, String message) {

  /** The answer for {@code code}: its HTTP status and this body, as JSON. */
  public static MutableHttpResponse<ErrorBody> response(ErrorCode code, String message) {
    return HttpResponse.<ErrorBody>status(HttpStatus.valueOf(code.httpStatus()))
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(new ErrorBody(code.code(), message));
  }
}
