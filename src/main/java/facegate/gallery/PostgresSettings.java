package facegate.gallery;

import java.util.Objects;

/**
 * Where a {@link PostgresGallery} keeps its people, and how often it checks for changes it missed.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database}, optionally with {@code
 *     ?currentSchema=name} to keep the tables in another schema than {@code public}
 * @param user the database user, or null when the URL names it
 * @param password the user's password, or null (no password, or given in the URL)
 * @param catchUpIntervalMillis how often each node compares its change number with the database's
 *     even without a notification, at least 100
 */
public record PostgresSettings(
    String jdbcUrl, String user, String password, long catchUpIntervalMillis) {
  /** Check for missed changes every 5 s. */
  public static final long DEFAULT_CATCH_UP_INTERVAL_MILLIS = 5_000;

  public PostgresSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "the PostgreSQL JDBC URL must start with jdbc:postgresql: (got '" + jdbcUrl + "')");
    }
    if (catchUpIntervalMillis < 100) {
      throw new IllegalArgumentException(
          "catch-up interval must be at least 100 ms: " + catchUpIntervalMillis);
    }
  }

  /** Settings with the default catch-up interval. */
  public static PostgresSettings of(String jdbcUrl, String user, String password) {
    return new PostgresSettings(jdbcUrl, user, password, DEFAULT_CATCH_UP_INTERVAL_MILLIS);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
  }
}
