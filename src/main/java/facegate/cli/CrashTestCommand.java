package facegate.cli;

import facegate.crash.CrashResult;
import facegate.crash.CrashSettings;
import facegate.crash.CrashTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crash-test}: SIGKILLs a real facegate server (a child JVM) during enrollment bursts over
 * HTTP, restarts it and checks that every acknowledged enrollment survived intact and the index
 * agrees; last line {@code crash_test store=… failures=0}; exits 1 on any failure.
 */
@Command(
    name = "crash-test",
    description =
        "Kill the server with SIGKILL during enrollment bursts, restart, check that every"
            + " acknowledged enrollment is there, complete, and found by identify.")
final class CrashTestCommand implements Callable<Integer> {
  @Option(
      names = "--store",
      defaultValue = "file",
      description = "file or postgres (${DEFAULT-VALUE})")
  String store;

  @Option(names = "--trials", defaultValue = "20", description = "kills (${DEFAULT-VALUE})")
  int trials;

  @Option(
      names = "--postgres-url",
      description =
          "JDBC URL with user and password, for --store postgres (default: environment"
              + " FACEGATE_TEST_POSTGRES_URL); each run makes its own schema there")
  String postgresUrl;

  @Option(
      names = "--images",
      defaultValue = "src/test/resources/fixtures/lfw",
      description = "face photos to enroll, varied per person (${DEFAULT-VALUE})")
  Path images;

  @Option(
      names = "--models",
      defaultValue = "models",
      description = "models folder (${DEFAULT-VALUE})")
  Path models;

  @Option(
      names = "--work",
      description = "folder for the gallery and the server log (default: a new temporary one)")
  Path work;

  @Option(
      names = "--writers",
      defaultValue = "2",
      description = "concurrent enrollments (${DEFAULT-VALUE})")
  int writers;

  @Option(
      names = "--max-kill-delay-ms",
      defaultValue = "3000",
      description = "kill up to this long after a trial's first 201 (${DEFAULT-VALUE})")
  long maxKillDelayMillis;

  @Option(names = "--seed", description = "random seed (default: the clock)")
  Long seed;

  @Override
  public Integer call() throws Exception {
    String url = postgresUrl != null ? postgresUrl : System.getenv("FACEGATE_TEST_POSTGRES_URL");
    CrashSettings settings =
        new CrashSettings(
            store,
            trials,
            images,
            models,
            work != null ? work : Files.createTempDirectory("facegate-crash"),
            url,
            seed != null ? seed : System.nanoTime(),
            writers,
            maxKillDelayMillis);
    CrashResult result = CrashTest.run(settings, System.out);
    return result.passed() ? 0 : 1;
  }
}
