package facegate.gallery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps a node in step with the database: LISTENs on the gallery's channel on a
 * connection of its own and catches up when a notification names a change the node has not applied,
 * every {@link PostgresSettings#catchUpIntervalMillis()} even without one, and after every
 * (re)connection, which it retries with a growing pause (0.1 s to 5 s) while the database is away.
 * Catching up after LISTEN means no change committed while it was not listening is missed.
 */
final class ChangeListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
  private static final int POLL_MILLIS = 250;
  private static final long MAX_PAUSE_MILLIS = 5_000;

  /** What the listener keeps in step. */
  interface Follower {
    /** Opens a new connection to the gallery's database. */
    Connection connect(String purpose) throws SQLException;

    /** The last change the node applied. */
    long appliedChange();

    /** Applies every committed change the node has not applied, reading through {@code c}. */
    void catchUp(Connection connection) throws SQLException;
  }

  private final Follower follower;
  private final String channel;
  private final long intervalMillis;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile Connection connection;
  private volatile int backendPid;

  ChangeListener(Follower follower, String channel, long intervalMillis) {
    this.follower = follower;
    this.channel = channel;
    this.intervalMillis = intervalMillis;
    this.thread = new Thread(this::run, "facegate-gallery-listener");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    long pauseMillis = 100;
    while (!stopped) {
      try (Connection listening = follower.connect("facegate-listener")) {
        connection = listening;
        backendPid = listening.unwrap(PGConnection.class).getBackendPID();
        try (Statement statement = listening.createStatement()) {
          statement.execute("LISTEN " + channel);
        }
        listening.commit();
        follower.catchUp(listening);
        pauseMillis = 100;
        listen(listening);
      } catch (SQLException | RuntimeException e) {
        if (stopped) {
          break;
        }
        LOG.warn(
            "Gallery change listener lost its PostgreSQL connection ({}); reconnecting in {} ms",
            e.toString(),
            pauseMillis);
        pause(pauseMillis);
        pauseMillis = Math.min(MAX_PAUSE_MILLIS, pauseMillis * 2);
      } finally {
        connection = null;
      }
    }
  }

  private void listen(Connection listening) throws SQLException {
    PGConnection pg = listening.unwrap(PGConnection.class);
    long nextCheck = System.nanoTime() + intervalMillis * 1_000_000;
    while (!stopped) {
      PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
      boolean behind = false;
      if (notifications != null) {
        for (PGNotification notification : notifications) {
          behind |= announced(notification) > follower.appliedChange();
        }
      }
      if (behind || System.nanoTime() - nextCheck >= 0) {
        follower.catchUp(listening);
        nextCheck = System.nanoTime() + intervalMillis * 1_000_000;
      }
    }
  }

  /** The change number a notification announces; unreadable payloads count as new. */
  private static long announced(PGNotification notification) {
    try {
      return Long.parseLong(notification.getParameter());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The server process of the listening connection, 0 while not connected (for tests). */
  int backendPid() {
    return connection == null ? 0 : backendPid;
  }

  /** Stops the thread and closes its connection; waits up to 5 s for it. */
  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Connection open = connection;
    if (thread.isAlive() && open != null) {
      try {
        open.close();
      } catch (SQLException e) {
        LOG.debug("closing the listener connection", e);
      }
    }
  }
}
