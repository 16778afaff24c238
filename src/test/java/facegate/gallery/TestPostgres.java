package facegate.gallery;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server the integration tests use: its JDBC URL comes from the environment variable
 * {@code FACEGATE_TEST_POSTGRES_URL} (or the system property {@code facegate.test.postgres.url});
 * {@code bash .ci/postgres} starts one and prints it. Without it the tests are skipped locally and
 * fail in CI ({@code CI} set), where .ci/run always provides it.
 */
public final class TestPostgres {
  private TestPostgres() {}

  /** The server's JDBC URL, with user and password in it. */
  public static String url() {
    String url = System.getenv("FACEGATE_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      url = System.getProperty("facegate.test.postgres.url");
    }
    String missing =
        "no PostgreSQL for the tests: run `export FACEGATE_TEST_POSTGRES_URL=$(bash .ci/postgres)`"
            + " first";
    if (url == null || url.isBlank()) {
      if (System.getenv("CI") != null) {
        fail(missing + " (CI must provide it)");
      }
      assumeTrue(false, missing);
    }
    return url;
  }

  /** Creates a new, empty schema and returns a JDBC URL whose tables go there. */
  public static String freshSchemaUrl() throws SQLException {
    String base = url();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection connection = DriverManager.getConnection(base);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Drops the schema a {@link #freshSchemaUrl()} URL names, with everything in it. */
  public static void dropSchema(String schemaUrl) throws SQLException {
    String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + 14);
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** Settings for a node of the gallery at {@code schemaUrl}, catching up every 2 s. */
  static PostgresSettings settings(String schemaUrl) {
    return new PostgresSettings(schemaUrl, null, null, 2_000);
  }
}
