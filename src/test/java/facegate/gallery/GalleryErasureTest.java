package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A removed person leaves no trace (name, template bytes) in any file of the gallery folder: as
 * soon as {@code remove} returns, after close and reopen, and when a folder written by the previous
 * version (removals kept in the journal, a saved graph holding them) is opened. The kill -9 case is
 * {@link GalleryErasureCrashIT}.
 */
class GalleryErasureTest {
  private static final int DIMENSION = 128;
  private static final GalleryOptions OPTIONS = GalleryOptions.of("model-a", DIMENSION);
  private static final int PEOPLE = 8;

  @TempDir Path directory;
  private final List<List<Embedding>> templates = new ArrayList<>();

  GalleryErasureTest() {
    RandomEmbeddings random = new RandomEmbeddings(11, DIMENSION);
    for (int i = 0; i < PEOPLE; i++) {
      templates.add(random.next(2));
    }
  }

  @Test
  void removedPersonLeavesNoTraceOnceRemoveReturns() {
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      enroll(gallery, 0, 5);
      gallery.compact(); // people 0-4 in the snapshot and a saved graph
    }
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      enroll(gallery, 5, PEOPLE); // people 5-7 in the journal only
      assertTraces(true, 2);
      assertTraces(true, 6);
      assertTrue(gallery.remove("p-2"));
      assertTrue(gallery.remove("p-6"));
      assertTraces(false, 2);
      assertTraces(false, 6);
      assertOthersIntact(gallery, List.of(2, 6));
    }
    assertTraces(false, 2);
    assertTraces(false, 6);
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      assertOthersIntact(gallery, List.of(2, 6));
      assertTrue(gallery.remove("p-0"));
      assertTraces(false, 0);
    }
    assertTraces(false, 0);
    assertTraces(false, 2);
  }

  @Test
  void folderOfThePreviousVersionIsErasedOnOpen() throws IOException {
    // What the previous version left after enrolling everyone and removing p-3: the removal only
    // journalled, and a saved graph that still holds p-3's vectors.
    GalleryManifest.verifyOrCreate(directory, OPTIONS, false);
    JournalState state = JournalState.open(new Snapshot(0, 1, List.of()), OPTIONS);
    List<StoredPerson> everyone = new ArrayList<>();
    try (Journal journal =
        Journal.open(directory.resolve(GalleryFolder.JOURNAL_FILE), DIMENSION, 0, r -> {})) {
      for (int i = 0; i < PEOPLE; i++) {
        List<float[]> vectors = templates.get(i).stream().map(Embedding::values).toList();
        StoredPerson person =
            new StoredPerson("p-" + i, name(i), Instant.now(), state.numbered(vectors));
        JournalRecord record = new JournalRecord.Enroll(state.sequence() + 1, person);
        journal.append(record);
        state.apply(record);
        everyone.add(person);
      }
      JournalRecord remove = new JournalRecord.Remove(state.sequence() + 1, "p-3");
      journal.append(remove);
      state.apply(remove);
    }
    TemplateIndex graph = TemplateIndex.build(DIMENSION, OPTIONS.hnsw(), everyone);
    IndexFile.save(directory, graph, state.sequence(), DIMENSION, OPTIONS.hnsw());
    assertTraces(true, 3);

    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      assertTraces(false, 3);
      assertOthersIntact(gallery, List.of(3));
    }
    assertTraces(false, 3);
  }

  private void enroll(HnswGallery gallery, int from, int to) {
    for (int i = from; i < to; i++) {
      gallery.enroll("p-" + i, name(i), templates.get(i));
    }
  }

  static String name(int index) {
    return "Zoë " + index + " Erasure"; // no name is a substring of another
  }

  private void assertTraces(boolean expected, int person) {
    List<String> traces = ErasureTraces.find(directory, name(person), templates.get(person));
    if (expected) {
      assertFalse(traces.isEmpty(), "the search finds p-" + person + " while enrolled");
    } else {
      assertEquals(List.of(), traces, "traces of removed p-" + person);
    }
  }

  private void assertOthersIntact(HnswGallery gallery, List<Integer> removed) {
    for (int i = 0; i < PEOPLE; i++) {
      String id = "p-" + i;
      if (removed.contains(i)) {
        assertTrue(gallery.find(id).isEmpty(), id + " removed");
        continue;
      }
      assertEquals(name(i), gallery.find(id).orElseThrow().name());
      for (Embedding template : templates.get(i)) {
        assertEquals(1.0, gallery.compare(id, template).orElseThrow().score(), 1e-5, id);
        assertEquals(id, gallery.search(template, 1).get(0).personId());
      }
    }
    assertTrue(Files.isDirectory(directory));
  }
}
