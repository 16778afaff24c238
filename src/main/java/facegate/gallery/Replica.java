package facegate.gallery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node's copy of the PostgreSQL gallery (a {@link GalleryView}) is kept current: loaded
 * whole, then changed by the node's own committed writes and by catching up with the changes of
 * others, as whole people read back from the database. Loading and catching up are serialised by a
 * sync lock, so changes are applied in order and each once; the view's own lock keeps reads
 * consistent meanwhile.
 */
final class Replica {
  private static final Logger LOG = LoggerFactory.getLogger(Replica.class);

  private final GalleryOptions options;
  private final GalleryView view;
  private final ReentrantLock syncLock = new ReentrantLock();

  /** Keeps {@code view} current; it should rebuild its graph when sparse (nothing else does). */
  Replica(GalleryOptions options, GalleryView view) {
    this.options = options;
    this.view = view;
  }

  /** The last change applied. */
  long appliedChange() {
    return view.sequence();
  }

  /** Loads every person in one snapshot and replaces the view's content. */
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
        view.apply(sequence, List.of(new GalleryView.PersonChange(personId, person)));
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
      List<GalleryView.PersonChange> changes = new ArrayList<>(changed.size());
      for (String id : changed) {
        changes.add(new GalleryView.PersonChange(id, people.get(id)));
      }
      view.apply(head, changes);
    } finally {
      connection.commit();
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  private void loadLocked(Connection connection) throws SQLException {
    long started = System.nanoTime();
    long head;
    Map<String, StoredPerson> people;
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      head = PostgresRows.lastChange(connection);
      people = PostgresRows.allPeople(connection, options.dimension());
    } finally {
      connection.commit();
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    view.replace(head, people.values());
    LOG.info(
        "Gallery loaded from PostgreSQL: {} people, {} templates at change {} in {} ms",
        people.size(),
        people.values().stream().mapToInt(person -> person.templates().size()).sum(),
        head,
        (System.nanoTime() - started) / 1_000_000);
  }
}
