package facegate.gallery;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * The gallery's tables in PostgreSQL, created or migrated when a node starts.
 *
 * <ul>
 *   <li>{@code facegate_gallery}: one row: schema version, model name, dimension, and {@code
 *       last_change}, the number of the last committed change. Every change increments it first,
 *       which locks the row until commit: changes are serialised and numbered in commit order,
 *       without gaps.
 *   <li>{@code facegate_person}: id (primary key: a second enrollment of an id fails on any node),
 *       name, enrolled_at.
 *   <li>{@code facegate_template}: id, person_id (deleted with the person), vector (float32
 *       little-endian).
 *   <li>{@code facegate_change}: seq, person_id, kind: which person each change touched, read by
 *       nodes catching up. Old rows are pruned; a node further behind reloads everything.
 * </ul>
 *
 * Migrations run under a transaction-scoped advisory lock, so nodes starting together do not race.
 */
final class PostgresSchema {
  /** The schema version this code writes. */
  static final int VERSION = 1;

  private static final List<List<String>> MIGRATIONS =
      List.of(
          List.of(
              "CREATE TABLE facegate_person ("
                  + " id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),"
                  + " name text NOT NULL,"
                  + " enrolled_at timestamptz NOT NULL)",
              "CREATE TABLE facegate_template ("
                  + " id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                  + " person_id text NOT NULL REFERENCES facegate_person (id) ON DELETE CASCADE,"
                  + " vector bytea NOT NULL)",
              "CREATE INDEX facegate_template_person ON facegate_template (person_id)",
              "CREATE TABLE facegate_change ("
                  + " seq bigint PRIMARY KEY,"
                  + " person_id text NOT NULL,"
                  + " kind text NOT NULL CHECK (kind IN ('enroll', 'add', 'remove')),"
                  + " changed_at timestamptz NOT NULL DEFAULT now())"));

  private PostgresSchema() {}

  /**
   * Creates or migrates the tables in the connection's current schema and checks the model, in one
   * transaction.
   *
   * @return the NOTIFY channel of this schema's gallery
   * @throws FaceException {@code gallery_model_mismatch} when the database holds another model's
   *     templates; {@code gallery_corrupt} when a newer facegate made its schema
   */
  static String migrate(Connection connection, GalleryOptions options) throws SQLException {
    String schema;
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
        rs.next();
        schema = rs.getString(1);
      }
      if (schema == null) {
        throw new FaceException(
            ErrorCode.CONFIGURATION_INVALID,
            "the PostgreSQL search path names no existing schema; create the schema given in"
                + " currentSchema= of the JDBC URL, or drop that parameter");
      }
      statement.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.facegate'))");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS facegate_gallery ("
              + " singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),"
              + " schema_version integer NOT NULL,"
              + " model_name text NOT NULL,"
              + " dimension integer NOT NULL CHECK (dimension > 0),"
              + " last_change bigint NOT NULL DEFAULT 0)");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO facegate_gallery (schema_version, model_name, dimension)"
                + " VALUES (0, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, options.modelName());
      insert.setInt(2, options.dimension());
      insert.executeUpdate();
    }
    int version = checkModel(connection, options);
    try (Statement statement = connection.createStatement()) {
      for (int next = version + 1; next <= VERSION; next++) {
        for (String sql : MIGRATIONS.get(next - 1)) {
          statement.execute(sql);
        }
        statement.executeUpdate("UPDATE facegate_gallery SET schema_version = " + next);
      }
    }
    connection.commit();
    return channel(schema);
  }

  private static int checkModel(Connection connection, GalleryOptions options) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT schema_version, model_name, dimension FROM facegate_gallery")) {
      rs.next();
      int version = rs.getInt(1);
      String model = rs.getString(2);
      int dimension = rs.getInt(3);
      if (version > VERSION) {
        throw new FaceException(
            ErrorCode.GALLERY_CORRUPT,
            "the PostgreSQL gallery has schema version "
                + version
                + "; this facegate knows up to "
                + VERSION
                + ": upgrade facegate");
      }
      if (!model.equals(options.modelName()) || dimension != options.dimension()) {
        throw new FaceException(
            ErrorCode.GALLERY_MODEL_MISMATCH,
            "the PostgreSQL gallery holds templates of model '"
                + model
                + "' (dimension "
                + dimension
                + "), but the service runs model '"
                + options.modelName()
                + "' (dimension "
                + options.dimension()
                + "). Templates of different models cannot be compared: use another database"
                + " or schema (currentSchema= in the JDBC URL) and re-enroll everyone from their"
                + " photos, or run the model the gallery was made with");
      }
      return version;
    }
  }

  /** {@code facegate_} and 20 hex digits of the schema name's SHA-256: one channel per schema. */
  static String channel(String schema) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
      return "facegate_" + HexFormat.of().formatHex(hash).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
