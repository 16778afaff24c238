package facegate.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Repeated SIGKILL of a real facegate server during an enrollment burst over HTTP. Each trial
 * starts the server on the gallery the previous trial left, checks it (below), enrolls from {@code
 * writers} threads, one distinct photo per person, and kills the server a random time after the
 * trial's first acknowledgement (HTTP 201). A last restart checks the final state.
 *
 * <p>After each restart: every acknowledged enrollment is listed; nothing is listed that was
 * refused (4xx) or never sent, and of the enrollments in flight at the kill each is either listed
 * or not; every listed person is complete (their name, one template) and the listing's total
 * matches what it lists; and identifying each person enrolled since the last check, plus 5 earlier
 * ones at random (everyone at the final check), with their own photo finds them first (or tied
 * first: two photos can give the very same embedding).
 */
public final class CrashTest {
  private static final int SAMPLE_OF_EARLIER = 5;

  private final CrashSettings settings;
  private final PrintStream out;
  private final TestPhotos photos;
  private final Random random;
  private final Map<String, Integer> present = new HashMap<>();
  private final List<String> failures = new ArrayList<>();
  private int acknowledged;
  private int inDoubt;
  private int inDoubtPresent;
  private int refused;
  private int identifyChecks;

  private CrashTest(CrashSettings settings, PrintStream out) throws IOException {
    this.settings = settings;
    this.out = out;
    this.photos = new TestPhotos(settings.images());
    this.random = new Random(settings.seed());
  }

  /** Runs the trials; {@code out} gets one line per trial and the summary. */
  public static CrashResult run(CrashSettings settings, PrintStream out)
      throws IOException, InterruptedException, SQLException {
    return new CrashTest(settings, out).run();
  }

  private CrashResult run() throws IOException, InterruptedException, SQLException {
    Files.createDirectories(settings.workDirectory());
    Path log = settings.workDirectory().resolve("server.log");
    String schemaUrl = settings.postgres() ? createSchema(settings.postgresUrl()) : null;
    Map<String, String> environment = new HashMap<>();
    environment.put("FACEGATE_MODELS_DIR", settings.models().toAbsolutePath().toString());
    if (schemaUrl != null) {
      environment.put("FACEGATE_GALLERY_STORE", "postgres");
      environment.put("FACEGATE_GALLERY_POSTGRES_URL", schemaUrl);
    } else {
      environment.put(
          "FACEGATE_GALLERY_DIR", settings.workDirectory().resolve("gallery").toString());
    }
    String key = "crash-" + UUID.randomUUID();
    out.printf(
        "crash-test: store=%s trials=%d seed=%d server log %s%n",
        settings.store(), settings.trials(), settings.seed(), log);
    EnrollmentBurst previous = null;
    int next = 0;
    for (int trial = 0; trial <= settings.trials(); trial++) {
      ServerProcess server = ServerProcess.start(environment, key, log);
      boolean last = trial == settings.trials();
      if (previous != null) {
        check(server.client(), previous, trial, last);
      }
      if (last) {
        server.stop();
        break;
      }
      EnrollmentBurst burst =
          new EnrollmentBurst(server.client(), photos, next, settings.writers());
      burst.start();
      boolean acked = burst.awaitFirstAck();
      long delay = (long) (random.nextDouble() * settings.maxKillDelayMillis());
      Thread.sleep(delay);
      server.kill();
      burst.join();
      if (!acked) {
        failures.add("trial " + trial + ": no enrollment was acknowledged; see " + log);
      }
      next = burst.nextPhoto();
      previous = burst;
      out.printf(
          "trial %d: killed %d ms after the first ack; %d acknowledged, %d in flight, %d refused%n",
          trial,
          delay,
          burst.acknowledged().size(),
          burst.inDoubt().size(),
          burst.refused().size());
    }
    if (schemaUrl != null && failures.isEmpty()) {
      dropSchema(settings.postgresUrl(), schemaUrl);
    }
    CrashResult result =
        new CrashResult(
            settings.store(),
            settings.trials(),
            acknowledged,
            inDoubt,
            inDoubtPresent,
            refused,
            present.size(),
            identifyChecks,
            List.copyOf(failures));
    failures.forEach(failure -> out.println("FAILED " + failure));
    out.println(result.summary());
    return result;
  }

  private void check(FacegateClient client, EnrollmentBurst burst, int trial, boolean everyone)
      throws IOException, InterruptedException {
    acknowledged += burst.acknowledged().size();
    inDoubt += burst.inDoubt().size();
    refused += burst.refused().size();
    List<FacegateClient.Listed> listed = client.people();
    Set<String> ids = new HashSet<>();
    Set<String> added = new HashSet<>();
    for (FacegateClient.Listed person : listed) {
      if (!ids.add(person.id())) {
        failures.add("trial " + trial + ": '" + person.id() + "' listed twice");
      }
      Integer photo = burst.photoOf(person.id());
      if (photo == null) {
        photo = present.get(person.id());
      }
      if (photo == null || burst.refused().contains(person.id())) {
        failures.add("trial " + trial + ": '" + person.id() + "' listed but never acknowledged");
        continue;
      }
      if (person.templates() != 1 || !person.name().equals(EnrollmentBurst.name(photo))) {
        failures.add("trial " + trial + ": '" + person.id() + "' incomplete: " + person);
      }
      if (!present.containsKey(person.id())) {
        added.add(person.id());
        inDoubtPresent += burst.inDoubt().contains(person.id()) ? 1 : 0;
      }
      present.put(person.id(), photo);
    }
    Set<String> expected = new HashSet<>(burst.acknowledged());
    expected.addAll(present.keySet());
    expected.removeAll(ids);
    for (String lost : expected) {
      failures.add("trial " + trial + ": acknowledged '" + lost + "' is missing");
      present.remove(lost);
    }
    List<String> toIdentify = new ArrayList<>(added);
    List<String> earlier = new ArrayList<>(present.keySet());
    earlier.removeAll(added);
    earlier.sort(null);
    java.util.Collections.shuffle(earlier, random);
    toIdentify.addAll(
        everyone ? earlier : earlier.subList(0, Math.min(SAMPLE_OF_EARLIER, earlier.size())));
    for (String id : toIdentify) {
      List<String> best = client.identifyBest(photos.photo(present.get(id)));
      identifyChecks++;
      if (!best.contains(id)) {
        failures.add("trial " + trial + ": identify with " + id + "'s photo found " + best);
      }
    }
    out.printf(
        "restart %d: %d people listed, %d new, %d identified, failures so far %d%n",
        trial, listed.size(), added.size(), toIdentify.size(), failures.size());
  }

  /** Creates a new schema for this run and returns the URL that puts the tables there. */
  private static String createSchema(String url) throws SQLException {
    String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void dropSchema(String url, String schemaUrl) throws SQLException {
    String schema = schemaUrl.substring(schemaUrl.lastIndexOf('=') + 1);
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
