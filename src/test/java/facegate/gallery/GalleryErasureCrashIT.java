package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure under SIGKILL: the test enrolls {@value #PEOPLE} people, then a child JVM removes them
 * one after another, acknowledging each removal on stdout, and is killed at a random moment (most
 * often mid-removal: a removal is nearly all the child does). After each kill the test reopens the
 * folder and checks that every acknowledged removal left no trace in any file (name, template
 * bytes), that the removal in flight left the person either fully present or traceless, and that
 * everyone else is present with all their templates. The trials share one folder.
 */
class GalleryErasureCrashIT {
  private static final int PEOPLE = 400;
  private static final int TRIALS = 6;
  private static final int REMOVALS_PER_TRIAL = 40;

  @TempDir Path directory;
  private final List<List<Embedding>> templates = new ArrayList<>();

  @Test
  void acknowledgedRemovalsLeaveNoTraceAfterKill() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    RandomEmbeddings embeddings = new RandomEmbeddings(seed, GalleryErasureChild.DIMENSION);
    try (HnswGallery gallery = HnswGallery.open(directory, GalleryErasureChild.OPTIONS)) {
      for (int i = 0; i < PEOPLE; i++) {
        templates.add(embeddings.next(2));
        gallery.enroll("p-" + i, GalleryErasureTest.name(i), templates.get(i));
        if (i == PEOPLE / 2) {
          gallery.compact(); // half in the snapshot, half in the journal
        }
      }
    }
    int next = 0;
    int inFlightGone = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      String context = "trial " + trial + ", seed " + seed;
      int acked = removeAndKill(next, random.nextInt(150), context);
      int inFlight = next + acked;
      try (HnswGallery gallery = HnswGallery.open(directory, GalleryErasureChild.OPTIONS)) {
        boolean gone = gallery.find("p-" + inFlight).isEmpty();
        inFlightGone += gone ? 1 : 0;
        next = gone ? inFlight + 1 : inFlight;
        assertIntact(gallery, next, context);
      }
      assertEquals(List.of(), ErasureTraces.find(directory, removed(next)), context);
    }
    System.out.printf(
        "GalleryErasureCrashIT: %d trials, %d removals, none left a trace; the removal in flight"
            + " was complete in %d trials%n",
        TRIALS, next, inFlightGone);
  }

  /** Runs a child removing from {@code first}; returns how many removals it acknowledged. */
  private int removeAndKill(int first, int delayMillis, String context) throws Exception {
    int end = Math.min(PEOPLE, first + REMOVALS_PER_TRIAL);
    List<String> lines =
        KilledChild.runAndKill(
            GalleryErasureChild.class,
            delayMillis,
            directory.toString(),
            Integer.toString(first),
            Integer.toString(end));
    for (int i = 0; i < lines.size(); i++) {
      assertEquals("ACK p-" + (first + i), lines.get(i), context);
    }
    assertTrue(!lines.isEmpty(), "the child acknowledged nothing; " + context);
    return lines.size();
  }

  private void assertIntact(HnswGallery gallery, int firstKept, String context) {
    assertEquals(PEOPLE - firstKept, gallery.size(), context);
    for (int i = firstKept; i < PEOPLE; i++) {
      String id = "p-" + i;
      assertEquals(GalleryErasureTest.name(i), gallery.find(id).orElseThrow().name(), context);
      for (Embedding template : templates.get(i)) {
        assertEquals(1.0, gallery.compare(id, template).orElseThrow().score(), 1e-5, context);
      }
    }
    assertEquals(2 * (PEOPLE - firstKept), gallery.info().templates(), context);
  }

  private Map<String, List<Embedding>> removed(int end) {
    Map<String, List<Embedding>> people = new HashMap<>();
    for (int i = 0; i < end; i++) {
      people.put(GalleryErasureTest.name(i), templates.get(i));
    }
    return people;
  }
}
