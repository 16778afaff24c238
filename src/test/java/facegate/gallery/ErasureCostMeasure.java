package facegate.gallery;

import facegate.core.Embedding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures what one removal costs in the folder store (not a test: prints numbers). Writes a
 * snapshot of {@code templates} random 128-d people (one template each) into a fresh folder, opens
 * it (building the graph, timed), then removes {@value #REMOVALS} people one at a time, timing each
 * {@code remove} (snapshot rewrite, journal reset, saved-graph deletion, all forced to disk).
 *
 * <pre>
 * java -cp target/test-classes:$(cat target/test.classpath):target/classes \
 *     facegate.gallery.ErasureCostMeasure FOLDER TEMPLATES
 * </pre>
 */
public final class ErasureCostMeasure {
  private static final int DIMENSION = 128;
  private static final int REMOVALS = 30;

  private ErasureCostMeasure() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int templates = Integer.parseInt(args[1]);
    if (Files.exists(folder)) {
      throw new IllegalArgumentException(folder + " exists; give a new folder");
    }
    Files.createDirectories(folder);
    GalleryOptions options = GalleryOptions.of("measure", DIMENSION);
    GalleryManifest.verifyOrCreate(folder, options, false);
    RandomEmbeddings random = new RandomEmbeddings(1, DIMENSION);
    List<StoredPerson> people = new ArrayList<>(templates);
    for (int i = 0; i < templates; i++) {
      Embedding template = random.next();
      StoredTemplate stored = new StoredTemplate(i + 1, template.values());
      people.add(new StoredPerson("p-" + i, "Person " + i, Instant.now(), List.of(stored)));
    }
    Snapshot.write(
        folder.resolve(GalleryFolder.SNAPSHOT_FILE), DIMENSION, 0, templates + 1, people);
    long openStart = System.nanoTime();
    try (HnswGallery gallery = HnswGallery.open(folder, options)) {
      double openMillis = (System.nanoTime() - openStart) / 1e6;
      double[] millis = new double[REMOVALS];
      for (int r = 0; r < REMOVALS; r++) {
        long start = System.nanoTime();
        gallery.remove("p-" + (r * (templates / REMOVALS)));
        millis[r] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT,
          "templates=%d snapshot=%.1f MB open(build graph)=%.0f ms remove: median=%.1f ms"
              + " p90=%.1f ms max=%.1f ms (n=%d)%n",
          templates,
          Files.size(folder.resolve(GalleryFolder.SNAPSHOT_FILE)) / 1e6,
          openMillis,
          millis[REMOVALS / 2],
          millis[REMOVALS * 9 / 10],
          millis[REMOVALS - 1],
          REMOVALS);
    }
  }
}
