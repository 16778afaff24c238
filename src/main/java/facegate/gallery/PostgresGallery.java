package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Match;
import facegate.core.Person;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * <p>Reads ({@link #find}, {@link #list}, {@link #search}, {@link #compare}, {@link #size}) never
 * touch the database: on another node they may lag a committed change by the sync delay. When the
 * database cannot be reached, changes fail with {@code gallery_unavailable} (503) and reads go on
 * from memory. A commit whose answer is lost with the connection fails with {@code
 * gallery_unavailable} although it may have been applied: check with {@link #find}.
 */
public final class PostgresGallery implements Gallery {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresGallery.class);
  private static final int VALID_CHECK_SECONDS = 2;

  private final PostgresSettings settings;
  private final GalleryOptions options;
  private final String channel;
  private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
  private final ReentrantLock syncLock = new ReentrantLock();
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile ReplicaState state;
  private Connection writer;
  private ChangeListener listener;
  private volatile boolean closed;

  private PostgresGallery(
      PostgresSettings settings, GalleryOptions options, String channel, Connection writer) {
    this.settings = settings;
    this.options = options;
    this.channel = channel;
    this.writer = writer;
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
      connection = connect(settings, "facegate-writer");
      String channel = PostgresSchema.migrate(connection, options);
      PostgresGallery gallery = new PostgresGallery(settings, options, channel, connection);
      gallery.syncLock.lock();
      try {
        gallery.reloadAll(connection);
      } finally {
        gallery.syncLock.unlock();
      }
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

  private static Connection connect(PostgresSettings settings, String purpose) throws SQLException {
    Properties properties = new Properties();
    if (settings.user() != null) {
      properties.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      properties.setProperty("password", settings.password());
    }
    properties.setProperty("ApplicationName", purpose);
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("connectTimeout", "10");
    Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
    connection.setAutoCommit(false);
    return connection;
  }

  private ChangeListener.Follower follower() {
    return new ChangeListener.Follower() {
      @Override
      public Connection connect(String purpose) throws SQLException {
        return PostgresGallery.connect(settings, purpose);
      }

      @Override
      public long appliedChange() {
        return state.sequence();
      }

      @Override
      public void catchUp(Connection connection) throws SQLException {
        syncLock.lock();
        try {
          catchUpLocked(connection);
        } finally {
          syncLock.unlock();
        }
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
    return change != null;
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
      requireOpen();
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
      applyCommitted(change, connection);
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

  /** Applies a committed change directly if it is the next one, else catches up to it. */
  private void applyCommitted(Change change, Connection connection) {
    syncLock.lock();
    try {
      long applied = state.sequence();
      if (change.sequence() == applied + 1) {
        stateLock.writeLock().lock();
        try {
          if (change.person() == null) {
            state.remove(change.personId());
          } else {
            state.put(change.person());
          }
          state.advanceTo(change.sequence());
        } finally {
          stateLock.writeLock().unlock();
        }
      } else if (change.sequence() > applied) {
        catchUpLocked(connection);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Committed change {} not yet applied here; the listener will", change.sequence(), e);
    } finally {
      syncLock.unlock();
    }
  }

  /** Applies every change committed after this node's; the caller holds the sync lock. */
  private void catchUpLocked(Connection connection) throws SQLException {
    try {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      long head = PostgresRows.lastChange(connection);
      long applied = state.sequence();
      if (head == applied) {
        return;
      }
      Set<String> changed =
          head > applied ? PostgresRows.changedSince(connection, applied, head) : null;
      if (changed == null) {
        LOG.info("Gallery node at change {} of {}: reloading every person", applied, head);
        reloadAll(connection);
        return;
      }
      Map<String, StoredPerson> people =
          PostgresRows.people(connection, changed, options.dimension());
      stateLock.writeLock().lock();
      try {
        for (String id : changed) {
          StoredPerson person = people.get(id);
          if (person == null) {
            state.remove(id);
          } else {
            state.put(person);
          }
        }
        state.advanceTo(head);
      } finally {
        stateLock.writeLock().unlock();
      }
    } finally {
      connection.commit();
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  /**
   * Loads every person in one snapshot and swaps in a new state; the caller holds the sync lock.
   */
  private void reloadAll(Connection connection) throws SQLException {
    long started = System.nanoTime();
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    ReplicaState loaded;
    try {
      long head = PostgresRows.lastChange(connection);
      Map<String, StoredPerson> people = PostgresRows.allPeople(connection, options.dimension());
      loaded = ReplicaState.build(options.dimension(), options.hnsw(), head, people.values());
    } finally {
      connection.commit();
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    stateLock.writeLock().lock();
    try {
      state = loaded;
    } finally {
      stateLock.writeLock().unlock();
    }
    LOG.info(
        "Gallery loaded from PostgreSQL: {} people, {} templates at change {} in {} ms",
        loaded.personCount(),
        loaded.templateCount(),
        loaded.sequence(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private Connection writerConnection() {
    try {
      if (writer == null || !writer.isValid(VALID_CHECK_SECONDS)) {
        closeWriter();
        writer = connect(settings, "facegate-writer");
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

  @Override
  public Optional<Person> find(String id) {
    if (!TemplateInput.isValidId(id)) {
      return Optional.empty();
    }
    return read(current -> current.person(id).map(StoredPerson::toPerson));
  }

  @Override
  public Page list(int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "offset and limit must not be negative");
    }
    return read(
        current ->
            new Page(
                current.people().stream()
                    .skip(offset)
                    .limit(limit)
                    .map(StoredPerson::toPerson)
                    .toList(),
                current.personCount()));
  }

  @Override
  public List<Match> search(Embedding probe, int k) {
    if (k < 1) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "k must be at least 1: " + k);
    }
    float[] query = TemplateInput.vector(probe, options);
    return read(
        current -> {
          List<Match> matches = new ArrayList<>();
          for (TemplateIndex.PersonScore hit :
              current.index().nearestPeople(query, k, options.hnsw().ef())) {
            String name = current.person(hit.personId()).orElseThrow().name();
            matches.add(new Match(hit.personId(), name, hit.score()));
          }
          return matches;
        });
  }

  @Override
  public Optional<Match> compare(String id, Embedding probe) {
    float[] query = TemplateInput.vector(probe, options);
    if (!TemplateInput.isValidId(id)) {
      return Optional.empty();
    }
    return read(
        current ->
            current
                .person(id)
                .map(person -> new Match(person.id(), person.name(), person.bestCosine(query))));
  }

  @Override
  public int size() {
    return read(ReplicaState::personCount);
  }

  @Override
  public GalleryInfo info() {
    return read(
        current ->
            new GalleryInfo(
                options.modelName(),
                options.dimension(),
                current.personCount(),
                current.templateCount()));
  }

  /** The last change this node has applied (for tests and logs). */
  public long appliedChange() {
    return state.sequence();
  }

  /** The PostgreSQL server process listening for this node, 0 while reconnecting (for tests). */
  int listenerBackendPid() {
    return listener.backendPid();
  }

  private interface Reader<T> {
    T read(ReplicaState state);
  }

  private <T> T read(Reader<T> reader) {
    stateLock.readLock().lock();
    try {
      requireOpen();
      return reader.read(state);
    } finally {
      stateLock.readLock().unlock();
    }
  }

  /** Stops following the database and closes the connections. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
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

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the gallery is closed");
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
