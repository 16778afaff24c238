package facegate.gallery;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

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

  /**
   * Opens a connection without auto-commit, named {@code purpose} in {@code pg_stat_activity}, with
   * TCP keep-alive and a 10 s connect timeout.
   */
  Connection connect(String purpose) throws SQLException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", purpose);
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("connectTimeout", "10");
    Connection connection = DriverManager.getConnection(jdbcUrl, properties);
    connection.setAutoCommit(false);
    return connection;
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
  }
}
