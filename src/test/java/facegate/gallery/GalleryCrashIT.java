package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Person;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
   */
  private List<Integer> runAndKill(int first, int delayMillis) throws Exception {
    List<Integer> indexes = new ArrayList<>();
    for (String line :
        KilledChild.runAndKill(
            GalleryCrashChild.class, delayMillis, directory.toString(), Integer.toString(first))) {
      Matcher matcher = ACK.matcher(line);
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
