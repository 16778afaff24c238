package facegate.crash;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the crash test.
 *
 * @param store {@code file} or {@code postgres}
 * @param trials how many kills, at least 1
 * @param images a folder of face photos (JPEG or PNG) to make the enrollment photos from
 * @param models the models folder the server loads
 * @param workDirectory where the gallery folder (file store) and the server log go
 * @param postgresUrl a JDBC URL with user and password, for {@code postgres}: each run creates a
 *     schema of its own there (dropped when the run passes)
 * @param seed seeds the kill delays and the sampling
 * @param writers concurrent enrollment requests, at least 1
 * @param maxKillDelayMillis the kill comes up to this long after a trial's first acknowledgement
 */
public record CrashSettings(
    String store,
    int trials,
    Path images,
    Path models,
    Path workDirectory,
    String postgresUrl,
    long seed,
    int writers,
    long maxKillDelayMillis) {
  public CrashSettings {
    if (!store.equals("file") && !store.equals("postgres")) {
      throw new IllegalArgumentException("store must be file or postgres: " + store);
    }
    if (store.equals("postgres") && (postgresUrl == null || postgresUrl.isBlank())) {
      throw new IllegalArgumentException("the postgres store needs a JDBC URL");
    }
    if (trials < 1 || writers < 1 || maxKillDelayMillis < 0) {
      throw new IllegalArgumentException("trials and writers must be positive, delay not negative");
    }
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(workDirectory, "workDirectory");
  }

  boolean postgres() {
    return store.equals("postgres");
  }
}
