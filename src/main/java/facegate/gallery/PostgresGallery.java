package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Person;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Gallery} shared by several nodes through PostgreSQL: the database is the source of
 * truth, each node answers reads and searches from its own copy and HNSW graph in memory.
 *
 * <p>On open the tables are created or migrated ({@link PostgresSchema}), the model checked and
 * every person loaded. A change runs in one transaction that first takes the next change number
 * (serialising the changes of all nodes), writes the rows, records the change and NOTIFYs it; it
 * returns once committed, then the node applies it to its copy (so a node reads its own writes).
 * Other nodes apply it when the notification arrives, usually within milliseconds ({@link
 * ChangeListener}), or at the latest at the next periodic catch-up. A second enrollment of an id
 * fails with {@code person_exists} on every node (primary key).
 *
 * <p>Reads ({@link #find}, {@link #list}, {@link #search}, {@link #compare}, {@link #size}) are
 * answered from the node's {@link GalleryView}, the same read model as {@link HnswGallery}'s, and
 * never touch the database: on another node they may lag a committed change by the sync delay. When
 * the database cannot be reached, changes fail with {@code gallery_unavailable} (503) and reads go
 * on from memory. A commit whose answer is lost with the connection fails with {@code
 * gallery_unavailable} although it may have been applied: check with {@link #find}.
 *
 * <p>Erasure: after {@link #remove} returns, the person's rows are gone and the person and template
 * tables are rewritten, so their table files no longer hold the name or template bytes ({@link
 * PostgresRows#rewriteTables}: O(table size), under an exclusive lock). The write-ahead log, WAL
 * archives, replicas and backups keep them until recycled or expired: see {@code
 * docs/results/erasure/README.md}.
 */
public final class PostgresGallery extends ViewBackedGallery {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresGallery.class);
  private static final int VALID_CHECK_SECONDS = 2;

  private final PostgresSettings settings;
  private final GalleryOptions options;
  private final String channel;
  private final Replica replica;
  private final ReentrantLock writeLock = new ReentrantLock();
  private Connection writer;
  private ChangeListener listener;

  private PostgresGallery(
      PostgresSettings settings, GalleryOptions options, String channel, Connection writer) {
    super(new GalleryView(options, true, 0, List.of()));
    this.settings = settings;
    this.options = options;
    this.channel = channel;
    this.writer = writer;
    this.replica = new Replica(options, view);
  }

  /**
   * Connects, creates or migrates the tables, loads every person, builds the graph and starts
   * following the database's changes.
   *
   * @throws FaceException {@code gallery_model_mismatch} when the database holds another model's
   *     templates; {@code gallery_unavailable} when the database cannot be reached; {@code
   *     gallery_corrupt} when its content is inconsistent
   */
  public static PostgresGallery open(PostgresSettings settings, GalleryOptions options) {
    Connection connection = null;
    try {
      connection = settings.connect("facegate-writer");
      String channel = PostgresSchema.migrate(connection, options);
      PostgresGallery gallery = new PostgresGallery(settings, options, channel, connection);
      gallery.replica.load(connection);
      gallery.listener =
          new ChangeListener(gallery.follower(), channel, settings.catchUpIntervalMillis());
      gallery.listener.start();
      return gallery;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw unavailable("cannot open the PostgreSQL gallery at " + settings.jdbcUrl(), e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      closeQuietly(connection);
      throw new FaceException(
          ErrorCode.GALLERY_CORRUPT,
          "the PostgreSQL gallery at " + settings.jdbcUrl() + " is inconsistent: " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  private ChangeListener.Follower follower() {
    return new ChangeListener.Follower() {
      @Override
      public Connection connect(String purpose) throws SQLException {
        return settings.connect(purpose);
      }

      @Override
      public long appliedChange() {
        return replica.appliedChange();
      }

      @Override
      public void catchUp(Connection connection) throws SQLException {
        replica.catchUp(connection);
      }
    };
  }

  @Override
  public Person enroll(String id, String name, List<Embedding> templates) {
    Person.requireValidId(id);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String stored = name == null ? "" : name;
    new Person(id, stored, 1, now); // validates the name
    List<float[]> vectors = TemplateInput.vectors(templates, options);
    return write(
            connection -> {
              long sequence = PostgresRows.nextChange(connection);
              if (PostgresRows.personExists(connection, id)) {
                throw new FaceException(
                    ErrorCode.PERSON_EXISTS,
                    "person '"
                        + id
                        + "' is already enrolled; add templates to them, or remove them first");
              }
              StoredPerson person = PostgresRows.insertPerson(connection, id, stored, now, vectors);
              PostgresRows.recordChange(
                  connection, sequence, id, PostgresRows.Kind.ENROLL, channel);
              return new Change(sequence, id, person);
            })
        .person()
        .toPerson();
  }

  @Override
  public Person addTemplates(String id, List<Embedding> templates) {
    Person.requireValidId(id);
    List<float[]> vectors = TemplateInput.vectors(templates, options);
    Change change =
        write(
            connection -> {
              long sequence = PostgresRows.nextChange(connection);
              StoredPerson person =
                  PostgresRows.people(connection, List.of(id), options.dimension()).get(id);
              if (person == null) {
                throw new FaceException(
                    ErrorCode.PERSON_NOT_FOUND,
                    "no person '" + id + "' is enrolled; enroll them first");
              }
              List<StoredTemplate> added = PostgresRows.insertTemplates(connection, id, vectors);
              PostgresRows.recordChange(connection, sequence, id, PostgresRows.Kind.ADD, channel);
              return new Change(sequence, id, person.withTemplates(added));
            });
    return change.person().toPerson();
  }

  @Override
  public boolean remove(String id) {
    if (!TemplateInput.isValidId(id)) {
      return false;
    }
    Change change =
        write(
            connection -> {
              long sequence = PostgresRows.nextChange(connection);
              if (!PostgresRows.deletePerson(connection, id)) {
                return null;
              }
              PostgresRows.recordChange(
                  connection, sequence, id, PostgresRows.Kind.REMOVE, channel);
              return new Change(sequence, id, null);
            });
    if (change != null) {
      erase(id);
    }
    return change != null;
  }

  /**
   * Rewrites the tables after a committed removal so that their files no longer hold the removed
   * rows ({@link PostgresRows#rewriteTables}).
   *
   * @throws FaceException {@code gallery_unavailable} when that fails: the removal is committed,
   *     the rewrite happens with the next removal (or an operator's {@code VACUUM FULL})
   */
  private void erase(String id) {
    writeLock.lock();
    try {
      view.requireOpen();
      PostgresRows.rewriteTables(writerConnection());
    } catch (SQLException e) {
      closeWriter();
      throw unavailable(
          "person '"
              + id
              + "' is removed, but the PostgreSQL tables could not be rewritten to erase their"
              + " rows; run VACUUM FULL facegate_person, facegate_template",
          e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * One committed change.
   *
   * @param sequence its change number
   * @param personId whom it concerns
   * @param person the person after it, or null when it removed them
   */
  private record Change(long sequence, String personId, StoredPerson person) {}

  /** A transaction's body; returning null rolls it back. */
  private interface Work {
    Change run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction, commits, then applies the change to this node. */
  private Change write(Work work) {
    writeLock.lock();
    try {
      view.requireOpen();
      Connection connection = writerConnection();
      Change change;
      try {
        change = work.run(connection);
      } catch (SQLException e) {
        rollbackQuietly(connection);
        throw failed(e, "Nothing was changed");
      } catch (RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
      if (change == null) {
        rollbackQuietly(connection);
        return null;
      }
      try {
        connection.commit();
      } catch (SQLException e) {
        throw failed(e, "The change may or may not have been committed: check before retrying");
      }
      replica.applyCommitted(change.sequence(), change.personId(), change.person(), connection);
      return change;
    } finally {
      writeLock.unlock();
    }
  }

  private FaceException failed(SQLException e, String outcome) {
    if ("23505".equals(e.getSQLState())) {
      return new FaceException(
          ErrorCode.PERSON_EXISTS, "the person is already enrolled (on another node)", e);
    }
    closeWriter();
    return unavailable("the PostgreSQL gallery did not accept the change. " + outcome, e);
  }

  private Connection writerConnection() {
    try {
      if (writer == null || !writer.isValid(VALID_CHECK_SECONDS)) {
        closeWriter();
        writer = settings.connect("facegate-writer");
      }
      return writer;
    } catch (SQLException e) {
      throw unavailable("cannot reach the PostgreSQL gallery at " + settings.jdbcUrl(), e);
    }
  }

  private void closeWriter() {
    closeQuietly(writer);
    writer = null;
  }

  /** The last change this node has applied (for tests and logs). */
  public long appliedChange() {
    return replica.appliedChange();
  }

  /** The PostgreSQL server process listening for this node, 0 while reconnecting (for tests). */
  int listenerBackendPid() {
    return listener.backendPid();
  }

  /** Stops following the database and closes the connections. Idempotent. */
  @Override
  public void close() {
    if (!view.close()) {
      return;
    }
    if (listener != null) {
      listener.close();
    }
    writeLock.lock();
    try {
      closeWriter();
    } finally {
      writeLock.unlock();
    }
  }

  private static FaceException unavailable(String message, SQLException e) {
    return new FaceException(
        ErrorCode.GALLERY_UNAVAILABLE,
        message + " (" + e.getMessage() + "); check that PostgreSQL is running and reachable",
        e);
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed", e);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing a connection failed", e);
      }
    }
  }
}
