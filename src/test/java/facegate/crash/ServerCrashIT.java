package facegate.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.gallery.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short CI version of {@code crash-test}: a few SIGKILLs of the real server (a child JVM with
 * the real models) during enrollment bursts over HTTP, for each gallery store. The 20-trial run is
 * the command (README).
 */
class ServerCrashIT {
  private static final int TRIALS = 3;

  @TempDir Path work;

  @Test
  void fileStoreKeepsEveryAcknowledgedEnrollment() throws Exception {
    assertPasses(run("file", null));
  }

  @Test
  void postgresStoreKeepsEveryAcknowledgedEnrollment() throws Exception {
    assertPasses(run("postgres", TestPostgres.url()));
  }

  private CrashResult run(String store, String url) throws Exception {
    CrashSettings settings =
        new CrashSettings(
            store,
            TRIALS,
            Path.of("src/test/resources/fixtures/lfw"),
            Path.of("models"),
            work,
            url,
            System.nanoTime(),
            2,
            1_500);
    return CrashTest.run(settings, System.out);
  }

  private static void assertPasses(CrashResult result) {
    assertEquals(java.util.List.of(), result.failures(), result.summary());
    assertTrue(result.acknowledged() >= TRIALS, "each trial acknowledges at least one enrollment");
    assertEquals(result.trials(), TRIALS);
  }
}
