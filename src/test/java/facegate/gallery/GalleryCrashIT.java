package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under SIGKILL: a child JVM enrolls in a loop and acknowledges each enrollment on
 * stdout; the test kills it at a random moment (often during compaction), reopens the gallery and
 * checks that every acknowledged person is there and nothing else but the one enrollment in flight.
 * The trials share one folder, so each also reopens the wreck of the one before.
 */
class GalleryCrashIT {
  private static final int TRIALS = 8;
  private static final Pattern ACK = Pattern.compile("ACK person-(\\d+)");

  @TempDir Path directory;

  @Test
  void acknowledgedEnrollmentsSurviveKill() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Set<String> present = new HashSet<>();
    int next = 0;
    int totalAcked = 0;
    int inFlightKept = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      List<Integer> acked = runAndKill(next, 20 + random.nextInt(600));
      assertTrue(!acked.isEmpty(), "the child acknowledged nothing (seed " + seed + ")");
      Set<String> expected = new HashSet<>(present);
      for (int index : acked) {
        expected.add("person-" + index);
      }
      String inFlight = "person-" + (acked.get(acked.size() - 1) + 1);
      Set<String> reopened = reopen();
      Set<String> missing = new HashSet<>(expected);
      missing.removeAll(reopened);
      Set<String> extra = new HashSet<>(reopened);
      extra.removeAll(expected);
      extra.remove(inFlight);
      String context = "trial " + trial + ", seed " + seed + ", in flight " + inFlight;
      assertEquals(Set.of(), missing, "acknowledged but lost; " + context);
      assertEquals(Set.of(), extra, "present but never enrolled; " + context);
      inFlightKept += reopened.contains(inFlight) ? 1 : 0;
      totalAcked += acked.size();
      present = reopened;
      next = acked.get(acked.size() - 1) + 2;
    }
    System.out.printf(
        "GalleryCrashIT: %d trials, %d acknowledged enrollments, all present; in-flight kept in"
            + " %d trials; %d people at the end%n",
        TRIALS, totalAcked, inFlightKept, present.size());
  }

  /**
   * Starts a child enrolling from {@code first}, kills it {@code delayMillis} after its 1st ACK.
   * The child's stdout goes to a file, not a pipe: when a process dies, the JDK may close a pipe
   * under a concurrent reader and drop bytes the child had written, which would look like a lost
   * acknowledgement.
   */
  private List<Integer> runAndKill(int first, int delayMillis) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Files.createTempFile("gallery-crash-child", ".log");
    try {
      Process child =
          new ProcessBuilder(
                  java,
                  "-Xmx192m",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  GalleryCrashChild.class.getName(),
                  directory.toString(),
                  Integer.toString(first))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectOutput(log.toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!read(log).contains("\n") && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(delayMillis);
      child.destroyForcibly(); // SIGKILL on Linux
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
      return acknowledged(read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.US_ASCII);
  }

  /** The indexes in complete {@code ACK} lines only: a line cut by the kill does not count. */
  private static List<Integer> acknowledged(String text) {
    List<Integer> indexes = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) { // the last piece has no newline
      Matcher matcher = ACK.matcher(lines[i]);
      if (matcher.matches()) {
        indexes.add(Integer.parseInt(matcher.group(1)));
      }
    }
    return indexes;
  }

  private Set<String> reopen() {
    try (HnswGallery gallery = HnswGallery.open(directory, GalleryCrashChild.OPTIONS)) {
      List<Person> people = gallery.list(0, Integer.MAX_VALUE).people();
      int templates = people.stream().mapToInt(Person::templates).sum();
      assertEquals(templates, gallery.info().templates());
      Set<String> ids = new HashSet<>();
      people.forEach(person -> ids.add(person.id()));
      return ids;
    }
  }
}
