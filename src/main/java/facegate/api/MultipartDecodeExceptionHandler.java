package facegate.api;

import facegate.core.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.DecoderException;
import jakarta.inject.Singleton;

/**
 * A request body Netty cannot decode (e.g. {@code multipart/form-data} without a boundary, or with
 * broken part headers) is the client's fault: {@code 400 malformed_request}, not a 500. Found by
 * {@code facegate fuzz}.
 */
@Singleton
public final class MultipartDecodeExceptionHandler
    implements ExceptionHandler<DecoderException, HttpResponse<ErrorBody>> {

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, DecoderException exception) {
    return ErrorBody.response(
        ErrorCode.MALFORMED_REQUEST,
        "the request body could not be decoded: send multipart/form-data with a boundary and"
            + " well-formed parts");
  }
}
