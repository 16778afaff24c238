package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.Match;
import facegate.core.Person;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryConcurrencyTest {
  private static final int DIMENSION = 16;
  private static final int WRITERS = 3;
  private static final int PER_WRITER = 60;

  @TempDir Path directory;

  @Test
  void parallelEnrollSearchRemoveKeepsInvariants() throws Exception {
    GalleryOptions options =
        GalleryOptions.of("concurrent", DIMENSION).withCompactionThresholdBytes(8_000);
    Set<String> removed = ConcurrentHashMap.newKeySet();
    Set<String> kept = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
    CountDownLatch start = new CountDownLatch(1);
    try (HnswGallery gallery = HnswGallery.open(directory, options)) {
      List<Future<?>> tasks = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        tasks.add(pool.submit(() -> write(gallery, writer, start, removed, kept)));
      }
      for (int s = 0; s < 2; s++) {
        int seed = s;
        tasks.add(pool.submit(() -> search(gallery, seed, start)));
      }
      start.countDown();
      for (Future<?> task : tasks) {
        task.get(2, TimeUnit.MINUTES);
      }
      assertInvariants(gallery, removed, kept);
    } finally {
      pool.shutdownNow();
    }
    try (HnswGallery gallery = HnswGallery.open(directory, options)) {
      assertInvariants(gallery, removed, kept);
    }
  }

  private static Void write(
      Gallery gallery, int writer, CountDownLatch start, Set<String> removed, Set<String> kept)
      throws InterruptedException {
    RandomEmbeddings random = new RandomEmbeddings(100 + writer, DIMENSION);
    start.await();
    for (int i = 0; i < PER_WRITER; i++) {
      String id = "w" + writer + "-" + i;
      gallery.enroll(id, "", random.next(1 + i % 3));
      if (i % 4 == 3) {
        String victim = "w" + writer + "-" + (i - 2);
        assertTrue(gallery.remove(victim));
        removed.add(victim);
      }
    }
    for (int i = 0; i < PER_WRITER; i++) {
      String id = "w" + writer + "-" + i;
      if (!removed.contains(id)) {
        kept.add(id);
      }
    }
    return null;
  }

  private static Void search(Gallery gallery, int seed, CountDownLatch start)
      throws InterruptedException {
    RandomEmbeddings random = new RandomEmbeddings(900 + seed, DIMENSION);
    start.await();
    for (int i = 0; i < 300; i++) {
      List<Match> matches = gallery.search(random.next(), 5);
      Set<String> distinct = new HashSet<>();
      for (int j = 0; j < matches.size(); j++) {
        assertTrue(distinct.add(matches.get(j).personId()), "a person appears twice");
        assertTrue(j == 0 || matches.get(j - 1).score() >= matches.get(j).score());
      }
    }
    return null;
  }

  private static void assertInvariants(Gallery gallery, Set<String> removed, Set<String> kept) {
    List<Person> people = gallery.list(0, 10_000).people();
    Set<String> ids = new HashSet<>(people.stream().map(Person::id).toList());
    assertEquals(kept, ids);
    assertEquals(WRITERS * PER_WRITER - removed.size(), gallery.size());
    int templates = people.stream().mapToInt(Person::templates).sum();
    assertEquals(templates, gallery.info().templates());
    RandomEmbeddings random = new RandomEmbeddings(5, DIMENSION);
    for (int i = 0; i < 20; i++) {
      Embedding probe = random.next();
      List<Match> matches = gallery.search(probe, 10);
      assertEquals(Math.min(10, ids.size()), matches.size());
      assertTrue(matches.stream().allMatch(m -> ids.contains(m.personId())));
    }
  }
}
