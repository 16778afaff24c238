package facegate.gallery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of the PostgreSQL gallery (tables in {@link PostgresSchema}). Writers call these inside
 * one transaction that begins with {@link #nextChange}; readers inside one repeatable-read
 * transaction, so what they read is one consistent state.
 */
final class PostgresRows {
  /** Change rows kept for nodes catching up; a node further behind reloads everything. */
  static final long CHANGES_KEPT = 100_000;

  private static final int FETCH_SIZE = 2_000;

  private PostgresRows() {}

  /** The kinds of change, as stored in {@code facegate_change.kind}. */
  enum Kind {
    ENROLL("enroll"),
    ADD("add"),
    REMOVE("remove");

    final String sql;

    Kind(String sql) {
      this.sql = sql;
    }
  }

  /**
   * Takes the next change number, locking the gallery row until the transaction ends: the changes
   * of all nodes are serialised here and numbered in commit order.
   */
  static long nextChange(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "UPDATE facegate_gallery SET last_change = last_change + 1 RETURNING last_change")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static boolean personExists(Connection connection, String id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT 1 FROM facegate_person WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Inserts a person and their templates; {@code enrolledAt} must have at most microseconds. */
  static StoredPerson insertPerson(
      Connection connection, String id, String name, Instant enrolledAt, List<float[]> vectors)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO facegate_person (id, name, enrolled_at) VALUES (?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, name);
      insert.setObject(3, OffsetDateTime.ofInstant(enrolledAt, ZoneOffset.UTC));
      insert.executeUpdate();
    }
    return new StoredPerson(id, name, enrolledAt, insertTemplates(connection, id, vectors));
  }

  /** Inserts templates for an existing person, returning them with their new ids. */
  static List<StoredTemplate> insertTemplates(
      Connection connection, String personId, List<float[]> vectors) throws SQLException {
    List<StoredTemplate> templates = new ArrayList<>(vectors.size());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO facegate_template (person_id, vector) VALUES (?, ?) RETURNING id")) {
      for (float[] vector : vectors) {
        insert.setString(1, personId);
        insert.setBytes(2, bytes(vector));
        try (ResultSet rs = insert.executeQuery()) {
          rs.next();
          templates.add(new StoredTemplate(rs.getLong(1), vector));
        }
      }
    }
    return templates;
  }

  /** Deletes a person with their templates; false when there was none. */
  static boolean deletePerson(Connection connection, String id) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM facegate_person WHERE id = ?")) {
      delete.setString(1, id);
      return delete.executeUpdate() > 0;
    }
  }

  /**
   * Rewrites the person and template tables (and their TOAST tables and indexes) into new files
   * with {@code VACUUM FULL}, so that no table file keeps a deleted row: a {@code DELETE} only
   * marks rows dead, and measured on PostgreSQL 15, even a plain {@code VACUUM} left the last row
   * of a page (name, vector) in the page's free space. Needs an {@code ACCESS EXCLUSIVE} lock: it
   * waits for other nodes' transactions on these tables and blocks them while it runs, O(table
   * size). Rows that a transaction still open elsewhere may see are copied, not dropped. Runs
   * outside a transaction (autocommit on for the statement).
   *
   * <p>Not covered: the WAL ({@code pg_wal}) keeps the inserted and deleted rows until its segments
   * are recycled and overwritten, and so do WAL archives, streaming replicas' files and backups;
   * the old table files' blocks are freed, not overwritten.
   */
  static void rewriteTables(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("VACUUM FULL facegate_person, facegate_template");
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Records change {@code sequence} and queues its notification (sent at commit, in commit order;
   * the payload is the change number only, far below NOTIFY's 8,000-byte limit). Every 1,000th
   * change prunes rows older than {@link #CHANGES_KEPT}.
   */
  static void recordChange(
      Connection connection, long sequence, String personId, Kind kind, String channel)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO facegate_change (seq, person_id, kind) VALUES (?, ?, ?)")) {
      insert.setLong(1, sequence);
      insert.setString(2, personId);
      insert.setString(3, kind.sql);
      insert.executeUpdate();
    }
    try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, channel);
      notify.setString(2, Long.toString(sequence));
      notify.executeQuery().close();
    }
    if (sequence % 1_000 == 0) {
      try (PreparedStatement prune =
          connection.prepareStatement("DELETE FROM facegate_change WHERE seq <= ?")) {
        prune.setLong(1, sequence - CHANGES_KEPT);
        prune.executeUpdate();
      }
    }
  }

  /** The number of the last committed change. */
  static long lastChange(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT last_change FROM facegate_gallery")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The ids of the people changed after change {@code after} up to {@code upTo}, or null when those
   * change rows were pruned (the caller then reloads everything).
   */
  static Set<String> changedSince(Connection connection, long after, long upTo)
      throws SQLException {
    Set<String> ids = new LinkedHashSet<>();
    long expected = after + 1;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT seq, person_id FROM facegate_change WHERE seq > ? AND seq <= ? ORDER BY seq")) {
      select.setLong(1, after);
      select.setLong(2, upTo);
      select.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          if (rs.getLong(1) != expected++) {
            return null;
          }
          ids.add(rs.getString(2));
        }
      }
    }
    return expected == upTo + 1 ? ids : null;
  }

  /** The people with these ids that exist, with their templates. */
  static Map<String, StoredPerson> people(
      Connection connection, Collection<String> ids, int dimension) throws SQLException {
    Array array = connection.createArrayOf("text", ids.toArray());
    try (PreparedStatement people =
            connection.prepareStatement(
                "SELECT id, name, enrolled_at FROM facegate_person WHERE id = ANY (?)");
        PreparedStatement templates =
            connection.prepareStatement(
                "SELECT id, person_id, vector FROM facegate_template WHERE person_id = ANY (?)"
                    + " ORDER BY id")) {
      people.setArray(1, array);
      templates.setArray(1, array);
      return read(people, templates, dimension);
    } finally {
      array.free();
    }
  }

  /** Every person with their templates, streamed in pages. */
  static Map<String, StoredPerson> allPeople(Connection connection, int dimension)
      throws SQLException {
    try (PreparedStatement people =
            connection.prepareStatement("SELECT id, name, enrolled_at FROM facegate_person");
        PreparedStatement templates =
            connection.prepareStatement(
                "SELECT id, person_id, vector FROM facegate_template ORDER BY id")) {
      return read(people, templates, dimension);
    }
  }

  private static Map<String, StoredPerson> read(
      PreparedStatement peopleQuery, PreparedStatement templateQuery, int dimension)
      throws SQLException {
    Map<String, List<StoredTemplate>> templates = new HashMap<>();
    templateQuery.setFetchSize(FETCH_SIZE);
    try (ResultSet rs = templateQuery.executeQuery()) {
      while (rs.next()) {
        templates
            .computeIfAbsent(rs.getString(2), id -> new ArrayList<>(2))
            .add(new StoredTemplate(rs.getLong(1), vector(rs.getBytes(3), dimension)));
      }
    }
    Map<String, StoredPerson> people = new HashMap<>();
    peopleQuery.setFetchSize(FETCH_SIZE);
    try (ResultSet rs = peopleQuery.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        List<StoredTemplate> own = templates.get(id);
        if (own == null) {
          throw new IllegalStateException("person '" + id + "' has no template in the database");
        }
        Instant enrolledAt = rs.getObject(3, OffsetDateTime.class).toInstant();
        people.put(id, new StoredPerson(id, rs.getString(2), enrolledAt, own));
      }
    }
    return people;
  }

  static byte[] bytes(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
    buffer.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] vector(byte[] bytes, int dimension) {
    if (bytes.length != dimension * Float.BYTES) {
      throw new IllegalStateException(
          "a template in the database has "
              + bytes.length
              + " bytes, not "
              + dimension * Float.BYTES);
    }
    float[] vector = new float[dimension];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
