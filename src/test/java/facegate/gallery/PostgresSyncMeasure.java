package facegate.gallery;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the PostgreSQL store on a real server (not a test: prints numbers). Two nodes on a fresh
 * schema; node A enrolls {@code people} random 128-d people (through the gallery, one transaction
 * each); then, 200 times, A enrolls one more and B is polled until it sees it (sync latency); then
 * a third node opens (start-up: load every person and build the graph).
 *
 * <pre>
 * java -cp target/test-classes:target/facegate.jar facegate.gallery.PostgresSyncMeasure URL PEOPLE
 * </pre>
 */
public final class PostgresSyncMeasure {
  private static final int DIMENSION = 128;
  private static final int SYNC_SAMPLES = 200;

  private PostgresSyncMeasure() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int people = Integer.parseInt(args[1]);
    System.setProperty("facegate.test.postgres.url", url);
    String schemaUrl = TestPostgres.freshSchemaUrl();
    GalleryOptions options = GalleryOptions.of("measure", DIMENSION);
    PostgresSettings settings = TestPostgres.settings(schemaUrl);
    RandomEmbeddings random = new RandomEmbeddings(1, DIMENSION);
    try (PostgresGallery a = PostgresGallery.open(settings, options);
        PostgresGallery b = PostgresGallery.open(settings, options)) {
      long started = System.nanoTime();
      for (int i = 0; i < people; i++) {
        a.enroll("bulk-" + i, "", random.next(1));
      }
      double enrollSeconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "enrolled %d people through node A in %.1f s (%.0f enrollments/s, B following)%n",
          people,
          enrollSeconds,
          people / enrollSeconds);
      double[] latencies = new double[SYNC_SAMPLES];
      for (int i = 0; i < SYNC_SAMPLES; i++) {
        String id = "sync-" + i;
        a.enroll(id, "", random.next(1));
        long committed = System.nanoTime();
        while (b.find(id).isEmpty()) {
          Thread.onSpinWait();
        }
        latencies[i] = (System.nanoTime() - committed) / 1e6;
      }
      Arrays.sort(latencies);
      System.out.printf(
          Locale.ROOT,
          "sync A->B after enroll returned: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms"
              + " (%d samples, %d people)%n",
          latencies[SYNC_SAMPLES / 2],
          latencies[SYNC_SAMPLES * 95 / 100],
          latencies[SYNC_SAMPLES * 99 / 100],
          latencies[SYNC_SAMPLES - 1],
          SYNC_SAMPLES,
          b.size());
    }
    long opening = System.nanoTime();
    try (PostgresGallery c = PostgresGallery.open(settings, options)) {
      System.out.printf(
          Locale.ROOT,
          "start-up of a new node: %d people loaded and indexed in %.1f s%n",
          c.size(),
          (System.nanoTime() - opening) / 1e9);
    }
    TestPostgres.dropSchema(schemaUrl);
  }
}
