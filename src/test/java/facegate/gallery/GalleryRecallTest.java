package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.Match;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HNSW answers checked against an exact (brute-force) search, never against fixed lists. */
class GalleryRecallTest {
  private static final int DIMENSION = 128;
  private static final int PEOPLE = 5_000;
  private static final int QUERIES = 200;
  private static final int K = 10;

  @TempDir Path directory;

  @Test
  void recallAtTenAgainstExactSearch() {
    RandomEmbeddings random = new RandomEmbeddings(2024, DIMENSION);
    List<Embedding> templates = random.next(PEOPLE);
    List<Embedding> queries = random.next(QUERIES);
    long hits = 0;
    try (HnswGallery gallery =
        HnswGallery.open(
            directory,
            GalleryOptions.of("recall", DIMENSION).withCompactionThresholdBytes(1L << 40))) {
      for (int i = 0; i < PEOPLE; i++) {
        gallery.enroll("p-" + i, "", List.of(templates.get(i)));
      }
      for (Embedding query : queries) {
        List<Match> approximate = gallery.search(query, K);
        assertEquals(K, approximate.size());
        Set<String> exact = exactTop(templates, query);
        hits += approximate.stream().filter(m -> exact.contains(m.personId())).count();
      }
    }
    double recall = hits / (double) (QUERIES * K);
    System.out.printf(
        "HNSW recall@%d over %d queries, %d people: %.4f%n", K, QUERIES, PEOPLE, recall);
    assertTrue(recall >= 0.95, "recall@10 = " + recall);
  }

  private static Set<String> exactTop(List<Embedding> templates, Embedding query) {
    return new HashSet<>(
        IntStream.range(0, templates.size())
            .boxed()
            .sorted(Comparator.comparingDouble(i -> -query.cosine(templates.get(i))))
            .limit(K)
            .map(i -> "p-" + i)
            .toList());
  }
}
