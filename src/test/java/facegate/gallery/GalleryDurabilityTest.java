package facegate.gallery;

import static facegate.gallery.GalleryContract.assertCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Match;
import facegate.core.Person;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryDurabilityTest {
  private static final int DIMENSION = 24;
  private static final GalleryOptions OPTIONS = GalleryOptions.of("model-a", DIMENSION);

  @TempDir Path directory;
  private final RandomEmbeddings random = new RandomEmbeddings(7, DIMENSION);

  @Test
  void reopenedGalleryHoldsEverything() {
    List<Embedding> probes = new ArrayList<>();
    List<Person> before;
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      probes.addAll(enrollPeople(gallery, 30));
      gallery.addTemplates("p-3", random.next(2));
      gallery.remove("p-7");
      before = gallery.list(0, 100).people();
    }
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      assertEquals(before, gallery.list(0, 100).people());
      assertEquals(new GalleryInfo("model-a", DIMENSION, 29, 31), gallery.info());
      assertEquals("p-12", gallery.search(probes.get(12), 1).get(0).personId());
      assertTrue(gallery.find("p-7").isEmpty());
    }
  }

  @Test
  void reopenAfterCompactionAndRemovedPersonIsInNoFile() throws IOException {
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      enrollPeople(gallery, 10);
      gallery.enroll("secret-person", "Secret Name", random.next(2));
      gallery.compact();
      gallery.enroll("after-compaction", "", random.next(1));
      assertTrue(gallery.remove("secret-person"));
      assertFalse(folderContains("Secret Name"), "remove rewrites the folder at once");
      gallery.compact();
      assertFalse(folderContains("secret-person"));
      assertFalse(folderContains("Secret Name"));
      assertTrue(folderContains("p-3"), "the byte search works");
    }
    assertFalse(folderContains("secret-person"), "close must not write it back");
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      assertEquals(11, gallery.size());
      assertTrue(gallery.find("after-compaction").isPresent());
      assertTrue(gallery.find("secret-person").isEmpty());
    }
  }

  @Test
  void journalOverThresholdCompactsByItself() throws IOException {
    GalleryOptions small = OPTIONS.withCompactionThresholdBytes(2_000);
    try (HnswGallery gallery = HnswGallery.open(directory, small)) {
      enrollPeople(gallery, 40);
    }
    assertTrue(Files.exists(directory.resolve(GalleryFolder.SNAPSHOT_FILE)));
    assertTrue(Files.size(directory.resolve(GalleryFolder.JOURNAL_FILE)) < 2_500);
    try (HnswGallery gallery = HnswGallery.open(directory, small)) {
      assertEquals(40, gallery.size());
    }
  }

  @Test
  void tornJournalTailLosesOnlyTheLastRecord() throws IOException {
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      enrollPeople(gallery, 5);
    }
    Path journal = directory.resolve(GalleryFolder.JOURNAL_FILE);
    long size = Files.size(journal);
    try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
      file.setLength(size - 7);
    }
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      assertEquals(List.of("p-0", "p-1", "p-2", "p-3"), ids(gallery));
      gallery.enroll("p-4", "again", random.next(1)); // appends after the cut, not after garbage
    }
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      assertEquals(List.of("p-0", "p-1", "p-2", "p-3", "p-4"), ids(gallery));
      assertEquals("again", gallery.find("p-4").orElseThrow().name());
    }
  }

  @Test
  void damagedRecordBeforeTheTailIsCorruption() throws IOException {
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      enrollPeople(gallery, 5);
    }
    Path journal = directory.resolve(GalleryFolder.JOURNAL_FILE);
    byte[] bytes = Files.readAllBytes(journal);
    int recordBytes = (bytes.length - Journal.FILE_HEADER_BYTES) / 5; // equal-size records
    int insideSecondRecord = Journal.FILE_HEADER_BYTES + recordBytes + recordBytes / 2;
    bytes[insideSecondRecord] ^= 0x10;
    Files.write(journal, bytes);

    assertCode(ErrorCode.GALLERY_CORRUPT, () -> HnswGallery.open(directory, OPTIONS));
  }

  @Test
  void damagedSnapshotIsCorruption() throws IOException {
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      enrollPeople(gallery, 5);
      gallery.compact();
    }
    Path snapshot = directory.resolve(GalleryFolder.SNAPSHOT_FILE);
    byte[] bytes = Files.readAllBytes(snapshot);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(snapshot, bytes);

    assertCode(ErrorCode.GALLERY_CORRUPT, () -> HnswGallery.open(directory, OPTIONS));
  }

  @Test
  void damagedOrMissingIndexIsRebuiltWithTheSameResults() throws IOException {
    List<Embedding> probes = random.next(20);
    List<List<Match>> expected = new ArrayList<>();
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      enrollPeople(gallery, 200);
      for (Embedding probe : probes) {
        expected.add(gallery.search(probe, 5));
      }
    }
    Path graph = directory.resolve(IndexFile.GRAPH_FILE);
    assertTrue(Files.exists(graph), "close saves the graph");
    assertTrue(savedGraphLoads(), "the saved graph is current and intact");
    assertEquals(expected, searchAll(probes), "loaded graph");

    byte[] bytes = Files.readAllBytes(graph);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(graph, bytes);
    assertFalse(savedGraphLoads(), "a graph failing its checksum is never deserialised");
    assertEquals(expected, searchAll(probes), "damaged graph rebuilt");

    Files.delete(graph);
    assertEquals(expected, searchAll(probes), "missing graph rebuilt");

    Files.writeString(directory.resolve(IndexFile.SIDECAR_FILE), "sequence=1\n");
    assertEquals(expected, searchAll(probes), "stale sidecar rebuilt");
  }

  @Test
  void otherModelOrDimensionIsAMismatchThatSaysHowToFixIt() {
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      enrollPeople(gallery, 2);
    }
    FaceException byName = openExpectingFailure(GalleryOptions.of("model-b", DIMENSION));
    FaceException byDimension = openExpectingFailure(GalleryOptions.of("model-a", 64));

    assertEquals(ErrorCode.GALLERY_MODEL_MISMATCH, byName.errorCode());
    assertEquals(ErrorCode.GALLERY_MODEL_MISMATCH, byDimension.errorCode());
    assertTrue(byName.getMessage().contains("facegate.gallery-dir"), byName.getMessage());
    assertTrue(byName.getMessage().contains("re-enroll"), byName.getMessage());
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      assertEquals(2, gallery.size(), "a refused open leaves the folder usable");
    }
  }

  /** Whether the saved graph passes every check against the stored gallery. */
  private boolean savedGraphLoads() throws IOException {
    JournalState state = JournalState.open(new Snapshot(0, 1, List.of()), OPTIONS);
    Journal.open(directory.resolve(GalleryFolder.JOURNAL_FILE), DIMENSION, 0, state::apply).close();
    return IndexFile.load(directory, state.view(), DIMENSION, OPTIONS.hnsw()).isPresent();
  }

  private FaceException openExpectingFailure(GalleryOptions options) {
    try (HnswGallery gallery = HnswGallery.open(directory, options)) {
      throw new AssertionError("opened with " + options + ": " + gallery.info());
    } catch (FaceException e) {
      return e;
    }
  }

  private List<List<Match>> searchAll(List<Embedding> probes) {
    List<List<Match>> results = new ArrayList<>();
    try (HnswGallery gallery = HnswGallery.open(directory, OPTIONS)) {
      for (Embedding probe : probes) {
        results.add(gallery.search(probe, 5));
      }
    }
    return results;
  }

  /** Enrolls p-0 .. p-(count-1) with one template each; returns the templates. */
  private List<Embedding> enrollPeople(Gallery gallery, int count) {
    List<Embedding> templates = random.next(count);
    for (int i = 0; i < count; i++) {
      gallery.enroll("p-" + i, "Person " + i, List.of(templates.get(i)));
    }
    return templates;
  }

  private static List<String> ids(Gallery gallery) {
    return gallery.list(0, 1000).people().stream().map(Person::id).toList();
  }

  private boolean folderContains(String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        if (ErasureTraces.indexOf(Files.readAllBytes(file), needle) >= 0) {
          return true;
        }
      }
    }
    return false;
  }
}
