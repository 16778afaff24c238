package facegate.core;

/**
 * Every error facegate reports, with a stable machine-readable code and the HTTP status the API
 * answers with. Codes never change once published: clients switch on them.
 */
public enum ErrorCode {
  MALFORMED_REQUEST("malformed_request", 400),
  NOT_FOUND("not_found", 404),
  METHOD_NOT_ALLOWED("method_not_allowed", 405),
  REQUEST_TOO_LARGE("request_too_large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
  UNAUTHORIZED("unauthorized", 401),
  FORBIDDEN("forbidden", 403),
  PERSON_NOT_FOUND("person_not_found", 404),
  PERSON_EXISTS("person_exists", 409),
  CROP_NOT_STORED("crop_not_stored", 404),
  GALLERY_MODEL_MISMATCH("gallery_model_mismatch", 409),
  GALLERY_CORRUPT("gallery_corrupt", 500),
  IMAGE_EMPTY("image_empty", 400),
  IMAGE_TOO_LARGE("image_too_large", 413),
  IMAGE_TOO_MANY_PIXELS("image_too_many_pixels", 413),
  NOT_AN_IMAGE("not_an_image", 415),
  NO_FACE("no_face", 422),
  MODEL_NOT_FOUND("model_not_found", 500),
  MODEL_INVALID("model_invalid", 500),
  PAIRS_FILE_INVALID("pairs_file_invalid", 400),
  DATASET_INVALID("dataset_invalid", 400),
  CONFIGURATION_INVALID("configuration_invalid", 500),
  GALLERY_UNAVAILABLE("gallery_unavailable", 503),
  INTERNAL("internal_error", 500),
  /** The liveness check judged the photo a presentation attack (e.g. a printed photo). */
  PRESENTATION_ATTACK("presentation_attack", 403),
  /** Too much work queued: retry after the {@code Retry-After} header's seconds. */
  OVERLOADED("overloaded", 503);

  private final String code;
  private final int httpStatus;

  ErrorCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** The stable string clients see, e.g. {@code no_face}. */
  public String code() {
    return code;
  }

  /** The HTTP status the API answers this error with. */
  public int httpStatus() {
    return httpStatus;
  }
}
