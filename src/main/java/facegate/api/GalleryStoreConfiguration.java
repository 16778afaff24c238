package facegate.api;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.gallery.PostgresSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Where the gallery lives, under {@code facegate.gallery.*} (environment {@code
 * FACEGATE_GALLERY_*}): {@code file} (default) keeps it in {@code facegate.gallery-dir}, for one
 * process; {@code postgres} keeps it in PostgreSQL, shared by any number of nodes.
 *
 * @param store {@code file} or {@code postgres}
 * @param postgresUrl JDBC URL, e.g. {@code jdbc:postgresql://db:5432/facegate}; required for {@code
 *     postgres}
 * @param postgresUser database user, unless the URL names it
 * @param postgresPassword the user's password
 * @param catchUpIntervalMillis how often a node checks for changes it missed (default 5000)
 */
@ConfigurationProperties("facegate.gallery")
public record GalleryStoreConfiguration(
    @Bindable(defaultValue = "file") @Pattern(regexp = "file|postgres") String store,
    @Nullable String postgresUrl,
    @Nullable String postgresUser,
    @Nullable String postgresPassword,
    @Bindable(defaultValue = "5000") @Min(100) long catchUpIntervalMillis) {

  /** True when the gallery is kept in PostgreSQL. */
  public boolean postgres() {
    return "postgres".equals(store);
  }

  /**
   * The PostgreSQL settings.
   *
   * @throws FaceException {@code configuration_invalid} when no usable URL is set
   */
  public PostgresSettings postgresSettings() {
    if (postgresUrl == null || postgresUrl.isBlank()) {
      throw new FaceException(
          ErrorCode.CONFIGURATION_INVALID,
          "facegate.gallery.store is postgres but no JDBC URL is set: set"
              + " facegate.gallery.postgres-url (environment FACEGATE_GALLERY_POSTGRES_URL), e.g."
              + " jdbc:postgresql://localhost:5432/facegate");
    }
    try {
      return new PostgresSettings(
          postgresUrl, postgresUser, postgresPassword, catchUpIntervalMillis);
    } catch (IllegalArgumentException e) {
      throw new FaceException(ErrorCode.CONFIGURATION_INVALID, e.getMessage(), e);
    }
  }
}
