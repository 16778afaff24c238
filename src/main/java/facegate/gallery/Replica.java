package facegate.gallery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's copy of the PostgreSQL gallery and how it is kept current: loaded whole, then changed by
 * the node's own committed writes and by catching up with the changes of others. Reads share a read
 * lock; applying changes takes the write lock briefly. Loading and catching up are serialised by a
 * sync lock, so changes are applied in order and each once.
 */
final class Replica {
  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

  private final GalleryOptions options;
  private final ReentrantReadWriteLock stateLock = new ReentrantReadWriteLock();
  private final ReentrantLock syncLock = new ReentrantLock();
  private ReplicaState state;

  Replica(GalleryOptions options) {
    this.options = options;
  }

  /** Runs {@code reader} on the current state under the read lock. */
  <T> T read(Function<ReplicaState, T> reader) {
    stateLock.readLock().lock();
    try {
      return reader.apply(state);
    } finally {
      stateLock.readLock().unlock();
    }
  }

  /** The last change applied. */
  long appliedChange() {
    return read(ReplicaState::sequence);
  }

  /** Loads every person in one snapshot and replaces the state. */
  void load(Connection connection) throws SQLException {
    syncLock.lock();
    try {
      loadLocked(connection);
    } finally {
      syncLock.unlock();
    }
  }

  /** Applies every change committed after the last applied one. */
  void catchUp(Connection connection) throws SQLException {
    syncLock.lock();
    try {
      catchUpLocked(connection);
    } finally {
      syncLock.unlock();
    }
  }

  /**
   * Applies this node's committed change {@code sequence} directly if it is the next one, else
   * catches up to it through {@code connection}. A failure is logged, not thrown: the change is
   * committed, and the listener will apply it.
   *
   * @param person the person after the change, or null when it removed them
   */
  void applyCommitted(long sequence, String personId, StoredPerson person, Connection connection) {
    syncLock.lock();
    try {
      if (sequence == appliedChange() + 1) {
        write(
            current -> {
              if (person == null) {
                current.remove(personId);
              } else {
                current.put(person);
              }
              current.advanceTo(sequence);
            });
      } else if (sequence > appliedChange()) {
        catchUpLocked(connection);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Committed change {} not yet applied here; the listener will", sequence, e);
    } finally {
      syncLock.unlock();
    }
  }

  private void catchUpLocked(Connection connection) throws SQLException {
    try {
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      long head = PostgresRows.lastChange(connection);
      long applied = appliedChange();
      if (head == applied) {
        return;
      }
      Set<String> changed =
          head > applied ? PostgresRows.changedSince(connection, applied, head) : null;
      if (changed == null) {
        LOG.info("Gallery node at change {} of {}: reloading every person", applied, head);
        loadLocked(connection);
        return;
      }
      Map<String, StoredPerson> people =
          PostgresRows.people(connection, changed, options.dimension());
      write(
          current -> {
            for (String id : changed) {
              StoredPerson person = people.get(id);
              if (person == null) {
                current.remove(id);
              } else {
                current.put(person);
              }
            }
            current.advanceTo(head);
          });
    } finally {
      connection.commit();
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  private void loadLocked(Connection connection) throws SQLException {
    long started = System.nanoTime();
    ReplicaState loaded;
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
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

  private void write(java.util.function.Consumer<ReplicaState> change) {
    stateLock.writeLock().lock();
    try {
      change.accept(state);
    } finally {
      stateLock.writeLock().unlock();
    }
  }
}
