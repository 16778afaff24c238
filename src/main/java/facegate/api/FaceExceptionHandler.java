package facegate.api;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every {@link FaceException} to its code's HTTP status and an {@link ErrorBody}; {@code
 * overloaded} (503) carries a {@code Retry-After} header.
 */
@Singleton
public final class FaceExceptionHandler
    implements ExceptionHandler<FaceException, HttpResponse<ErrorBody>> {
  private static final Logger LOG = LoggerFactory.getLogger(FaceExceptionHandler.class);

  private final LoadConfiguration load;

  public FaceExceptionHandler(LoadConfiguration load) {
    this.load = load;
  }

  @Override
  public HttpResponse<ErrorBody> handle(HttpRequest request, FaceException exception) {
    if (exception.errorCode().httpStatus() >= 500) {
      LOG.error("{} {} failed", request.getMethod(), request.getPath(), exception);
    }
    if (exception.errorCode() == ErrorCode.OVERLOADED) {
      return ErrorBody.response(exception.errorCode(), exception.getMessage())
          .header(HttpHeaders.RETRY_AFTER, Integer.toString(load.retryAfterSeconds()));
    }
    return ErrorBody.response(exception.errorCode(), exception.getMessage());
  }
}
