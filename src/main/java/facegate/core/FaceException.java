package facegate.core;

import java.util.Objects;

/**
 * The one unchecked exception facegate throws for a problem the caller can act on. The message says
 * what went wrong and how to fix it; the {@link ErrorCode} says what kind of problem it is.
 */
public class FaceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  public FaceException(ErrorCode errorCode, String message) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  public FaceException(ErrorCode errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
  }

  public ErrorCode errorCode() {
    return errorCode;
  }
}
