package facegate.gallery;

import static facegate.gallery.GalleryContract.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.Person;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several nodes on one PostgreSQL gallery: what one writes, the others see within a second. */
class PostgresGalleryIT {
  private static final int DIMENSION = 32;
  private static final GalleryOptions OPTIONS = GalleryOptions.of("test-model", DIMENSION);

  private final RandomEmbeddings random = new RandomEmbeddings(7, DIMENSION);
  private final List<PostgresGallery> nodes = new ArrayList<>();
  private String schemaUrl;

  @BeforeEach
  void schema() throws Exception {
    schemaUrl = TestPostgres.freshSchemaUrl();
  }

  @AfterEach
  void closeNodes() throws Exception {
    nodes.forEach(PostgresGallery::close);
    if (schemaUrl != null) {
      TestPostgres.dropSchema(schemaUrl);
    }
  }

  private PostgresGallery node() {
    PostgresGallery node = PostgresGallery.open(TestPostgres.settings(schemaUrl), OPTIONS);
    nodes.add(node);
    return node;
  }

  @Test
  void twoNodesSeeEachOthersEnrollmentsAndDeletionsWithinASecond() {
    PostgresGallery a = node();
    PostgresGallery b = node();
    Embedding face = random.next();

    Person alice = a.enroll("alice", "Alice", List.of(face));
    long seen = within(1_000, () -> b.find("alice").isPresent());

    assertEquals(alice, b.find("alice").orElseThrow());
    assertEquals("alice", b.search(face, 1).get(0).personId());
    assertEquals(1.0, b.compare("alice", face).orElseThrow().score(), 1e-6);
    assertCode(ErrorCode.PERSON_EXISTS, () -> b.enroll("alice", "Other", random.next(1)));

    assertTrue(b.remove("alice"));
    long gone = within(1_000, () -> a.find("alice").isEmpty());
    assertTrue(a.search(face, 5).isEmpty());
    assertEquals(0, a.size());
    System.out.printf(
        "PostgresGalleryIT: enrollment seen after %d ms, deletion %d ms%n", seen, gone);
  }

  @Test
  void addedTemplatesReachTheOtherNode() {
    PostgresGallery a = node();
    PostgresGallery b = node();
    a.enroll("bob", "Bob", random.next(1));
    Embedding later = random.next();

    assertEquals(3, b.addTemplates("bob", List.of(later, random.next())).templates());
    within(1_000, () -> a.find("bob").orElseThrow().templates() == 3);
    assertEquals("bob", a.search(later, 1).get(0).personId());
    assertEquals(new GalleryInfo("test-model", DIMENSION, 1, 3), a.info());
    assertCode(ErrorCode.PERSON_NOT_FOUND, () -> a.addTemplates("nobody", random.next(1)));
  }

  @Test
  void aChangeMadeWhileTheListenerIsDisconnectedIsCaughtUpOnReconnect() throws Exception {
    PostgresGallery a = node();
    PostgresGallery b = node();
    within(5_000, () -> b.listenerBackendPid() != 0);
    String database;
    try (Connection connection = DriverManager.getConnection(TestPostgres.url())) {
      database = connection.getCatalog();
    }
    // From another database: a database cannot close itself to connections.
    String other = TestPostgres.url().replaceFirst("(//[^/]+/)[^?]*", "$1postgres");
    try (Connection admin = DriverManager.getConnection(other);
        Statement statement = admin.createStatement()) {
      statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
      try {
        terminate(admin, b.listenerBackendPid()); // b cannot reconnect for now
        a.enroll("carol", "Carol", random.next(1)); // a's writer connection stays open
        Thread.sleep(500);
        assertTrue(b.find("carol").isEmpty(), "b was not listening, so it cannot know yet");
      } finally {
        statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      }
    }
    long caughtUp = within(10_000, () -> b.find("carol").isPresent());
    System.out.printf(
        "PostgresGalleryIT: caught up %d ms after reconnecting was allowed%n", caughtUp);
  }

  @Test
  void aChangeWhoseNotificationWasLostIsCaughtUpPeriodically() throws Exception {
    PostgresGallery b = node();
    Embedding face = random.next();
    enrollWithoutNotification("dave", face);
    long caughtUp = within(3_000, () -> b.find("dave").isPresent()); // interval 2 s
    assertEquals("dave", b.search(face, 1).get(0).personId());
    System.out.printf("PostgresGalleryIT: unannounced change applied after %d ms%n", caughtUp);
  }

  @Test
  void aNodeThatMissedAChangeAppliesItBeforeItsOwnWrite() throws Exception {
    PostgresGallery a = node();
    PostgresGallery b = node();
    enrollWithoutNotification("erin", random.next());
    b.enroll("frank", "Frank", random.next(1)); // change n+1 while b applied n-1: b catches up
    assertTrue(b.find("erin").isPresent(), "a node that writes applies what it missed first");
    assertEquals(2, b.appliedChange());
    within(1_000, () -> a.find("frank").isPresent());
  }

  @Test
  void aRestartedNodeLoadsEverythingAndAnotherModelIsRefused() {
    PostgresGallery a = node();
    Embedding face = random.next();
    a.enroll("frank", "Frank", List.of(face, random.next()));
    a.enroll("gina", "", random.next(1));
    a.remove("gina");
    a.close();

    PostgresGallery again = node();
    assertEquals(List.of("frank"), GalleryContract.ids(again.list(0, 10).people()));
    assertEquals(new GalleryInfo("test-model", DIMENSION, 1, 2), again.info());
    assertEquals("frank", again.search(face, 1).get(0).personId());
    assertCode(
        ErrorCode.GALLERY_MODEL_MISMATCH,
        () -> PostgresGallery.open(TestPostgres.settings(schemaUrl), GalleryOptions.of("x", 32)));
    assertCode(
        ErrorCode.GALLERY_MODEL_MISMATCH,
        () ->
            PostgresGallery.open(
                TestPostgres.settings(schemaUrl), GalleryOptions.of("test-model", 64)));
  }

  @Test
  void concurrentWritersOnTwoNodesConvergeToTheDatabase() throws Exception {
    PostgresGallery a = node();
    PostgresGallery b = node();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        PostgresGallery target = w % 2 == 0 ? a : b;
        int writer = w;
        writers.add(pool.submit(() -> write(target, writer)));
      }
      for (Future<?> writer : writers) {
        writer.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    PostgresGallery fresh = node();
    List<String> expected = GalleryContract.ids(fresh.list(0, 1_000).people());
    assertEquals(4 * 30 - 4 * 10, expected.size());
    within(1_000, () -> GalleryContract.ids(a.list(0, 1_000).people()).equals(expected));
    within(1_000, () -> GalleryContract.ids(b.list(0, 1_000).people()).equals(expected));
    assertEquals(fresh.info(), a.info());
    assertEquals(fresh.info(), b.info());
    assertEquals(fresh.appliedChange(), a.appliedChange());
  }

  private static Void write(Gallery gallery, int writer) {
    RandomEmbeddings faces = new RandomEmbeddings(100 + writer, DIMENSION);
    for (int i = 0; i < 30; i++) {
      gallery.enroll("w" + writer + "-" + i, "", faces.next(1 + i % 2));
      if (i % 3 == 2) {
        assertTrue(gallery.remove("w" + writer + "-" + (i - 1)));
      }
    }
    return null;
  }

  /** What a writer does, minus the NOTIFY: as if the notification were lost. */
  private void enrollWithoutNotification(String id, Embedding face) throws Exception {
    try (Connection writer = TestPostgres.settings(schemaUrl).connect("test-writer")) {
      long sequence = PostgresRows.nextChange(writer);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      PostgresRows.insertPerson(writer, id, id, now, List.of(face.values()));
      try (PreparedStatement change =
          writer.prepareStatement(
              "INSERT INTO facegate_change (seq, person_id, kind) VALUES (?, ?, 'enroll')")) {
        change.setLong(1, sequence);
        change.setString(2, id);
        change.executeUpdate();
      }
      writer.commit();
    }
  }

  private static void terminate(Connection connection, int pid) throws Exception {
    try (PreparedStatement kill =
        connection.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
      kill.setInt(1, pid);
      kill.executeQuery().close();
    }
  }

  /** Waits until {@code condition} holds, failing after {@code millis}; returns the wait in ms. */
  static long within(long millis, BooleanSupplier condition) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waited < millis, "not seen within " + millis + " ms");
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
