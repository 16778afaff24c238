package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Person;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Gallery} kept in one folder and searched through an in-memory HNSW graph.
 *
 * <p>Folder: {@code gallery.json} (model, dimension), {@code journal.log} (every change, forced to
 * disk before the call returns), {@code snapshot.bin} (all live people at one journal position,
 * written at compaction), {@code index.hnsw} + {@code index.hnsw.sha256} (a saved copy of the
 * graph, used only when current and intact, otherwise rebuilt from the stored vectors) and {@code
 * gallery.lock} (one open gallery per folder). Compaction writes a snapshot and empties the journal
 * when the journal outgrows {@link GalleryOptions#compactionThresholdBytes()} and on {@link
 * #compact()}.
 *
 * <p>Erasure: when {@link #remove} returns, no file of the folder holds the person's name or
 * template vectors: the removal is journalled (the crash-safe decision), then the snapshot is
 * rewritten without them, the journal emptied and the saved graph deleted (the graph saved later
 * holds removed nodes with zeroed vectors, and their ids). A crash at any point of a removal leaves
 * either the person fully present (the removal was not acknowledged) or, once reopened, fully gone;
 * opening also erases what a crash or an older version left (removals in the journal, saved graphs
 * holding removed vectors). Cost: a removal rewrites the snapshot, O(all templates): measured in
 * {@code docs/results/erasure/}. Outside the promise: file blocks the filesystem freed or copied
 * (SSD wear levelling, copy-on-write filesystems, backups, swap) and the process memory.
 *
 * <p>Reads are answered from a {@link GalleryView}: searches run in parallel, also while a change
 * is being written, and see it once it is journalled and applied. Changes are serialised by a lock
 * of their own. A change that fails to reach the disk fails with {@code internal_error} and leaves
 * the gallery unchanged.
 */
public final class HnswGallery extends ViewBackedGallery {
  private static final Logger LOG = LoggerFactory.getLogger(HnswGallery.class);

  private final GalleryFolder folder;
  private final GalleryOptions options;
  private final ReentrantLock changeLock = new ReentrantLock();
  private final Journal journal;
  private final JournalState state;
  private long indexSavedAt;
  private boolean erasurePending;

  private HnswGallery(
      GalleryFolder folder,
      GalleryOptions options,
      Journal journal,
      JournalState state,
      long indexSavedAt) {
    super(state.view());
    this.folder = folder;
    this.options = options;
    this.journal = journal;
    this.state = state;
    this.indexSavedAt = indexSavedAt;
  }

  /**
   * Opens the gallery in {@code directory}, creating the folder and an empty gallery if needed,
   * replaying the journal and loading or rebuilding the graph.
   *
   * @throws FaceException {@code gallery_model_mismatch} when the folder was made for another model
   *     or dimension; {@code gallery_corrupt} when its files are damaged beyond a torn journal
   *     tail; {@code internal_error} when the folder cannot be read or is open elsewhere
   */
  public static HnswGallery open(Path directory, GalleryOptions options) {
    GalleryFolder folder = GalleryFolder.lock(directory);
    try {
      return open(folder, options);
    } catch (StreamCorruptedException | IllegalStateException e) {
      folder.close();
      throw new FaceException(
          ErrorCode.GALLERY_CORRUPT,
          "gallery folder "
              + directory
              + " is damaged ("
              + e.getMessage()
              + "); restore it from"
              + " a backup, or re-enroll into a new gallery folder",
          e);
    } catch (IOException e) {
      folder.close();
      throw new FaceException(
          ErrorCode.INTERNAL, "cannot read gallery folder " + directory + ": " + e, e);
    } catch (RuntimeException e) {
      folder.close();
      throw e;
    }
  }

  private static HnswGallery open(GalleryFolder folder, GalleryOptions options) throws IOException {
    GalleryManifest.verifyOrCreate(folder.directory(), options, folder.holdsData());
    folder.deleteTemporaryFiles();
    int dimension = options.dimension();
    Snapshot snapshot =
        Files.exists(folder.snapshot())
            ? Snapshot.read(folder.snapshot(), dimension)
            : new Snapshot(0, 1, List.of());
    JournalState state = JournalState.open(snapshot, options);
    Journal journal = Journal.open(folder.journal(), dimension, snapshot.sequence(), state::apply);
    try {
      Optional<TemplateIndex> saved =
          IndexFile.load(folder.directory(), state.view(), dimension, options.hnsw());
      if (saved.isEmpty()) {
        IndexFile.delete(folder.directory()); // stale or old: it may hold removed people
      }
      state.view().attachIndex(saved);
      long savedAt = saved.isPresent() ? state.sequence() : -1;
      HnswGallery gallery = new HnswGallery(folder, options, journal, state, savedAt);
      if (journal.holdsErasable()) {
        gallery.eraseNow(); // a removal the crash (or an older version) left in the journal
      }
      return gallery;
    } catch (IOException | RuntimeException e) {
      journal.close();
      throw e;
    }
  }

  @Override
  public Person enroll(String id, String name, List<Embedding> templates) {
    Person.requireValidId(id);
    Instant now = Instant.now();
    new Person(id, name, 1, now); // validates the name
    List<float[]> vectors = TemplateInput.vectors(templates, options);
    changeLock.lock();
    try {
      view.requireOpen();
      if (view.person(id).isPresent()) {
        throw new FaceException(
            ErrorCode.PERSON_EXISTS,
            "person '" + id + "' is already enrolled; add templates to them, or remove them first");
      }
      StoredPerson person =
          new StoredPerson(id, name == null ? "" : name, now, state.numbered(vectors));
      return commit(new JournalRecord.Enroll(state.sequence() + 1, person)).toPerson();
    } finally {
      changeLock.unlock();
    }
  }

  @Override
  public Person addTemplates(String id, List<Embedding> templates) {
    Person.requireValidId(id);
    List<float[]> vectors = TemplateInput.vectors(templates, options);
    changeLock.lock();
    try {
      view.requireOpen();
      requirePerson(id);
      List<StoredTemplate> numbered = state.numbered(vectors);
      return commit(new JournalRecord.AddTemplates(state.sequence() + 1, id, numbered)).toPerson();
    } finally {
      changeLock.unlock();
    }
  }

  @Override
  public boolean remove(String id) {
    changeLock.lock();
    try {
      view.requireOpen();
      if (!TemplateInput.isValidId(id) || view.person(id).isEmpty()) {
        if (erasurePending) {
          erase(); // a retry after a failed erasure
        }
        return false;
      }
      commit(new JournalRecord.Remove(state.sequence() + 1, id));
      erase();
      return true;
    } finally {
      changeLock.unlock();
    }
  }

  /**
   * Rewrites the folder so that no file holds a removed person: see {@link #eraseNow()}.
   *
   * @throws FaceException {@code internal_error} when that fails; the removal itself is journalled
   *     and the rewrite is retried by the next removal, on close and on the next open
   */
  private void erase() {
    try {
      eraseNow();
    } catch (IOException e) {
      erasurePending = true;
      throw new FaceException(
          ErrorCode.INTERNAL,
          "the person is removed, but their data could not yet be erased from the files in "
              + folder.directory()
              + " ("
              + e
              + "); check free disk space and permissions. The erasure is retried on the next"
              + " removal and when the gallery is reopened",
          e);
    }
  }

  /**
   * Deletes the saved graph (it may predate the removal and hold the removed vectors), writes a
   * snapshot of the live people and empties the journal. The in-memory graph keeps removed nodes
   * with zeroed vectors ({@link TemplateIndex#remove}); it is rebuilt without them at the next
   * compaction (a rebuild costs far more than this: measured in {@code docs/results/erasure/}). A
   * crash at any point leaves the journal's removal record or the new snapshot, so the removal
   * holds, and the next open repeats this.
   */
  private void eraseNow() throws IOException {
    IndexFile.delete(folder.directory());
    indexSavedAt = -1;
    writeSnapshot();
    journal.reset();
    erasurePending = false;
  }

  /** Journals {@code record}, then applies it in memory; compacts if the journal grew too large. */
  private StoredPerson commit(JournalRecord record) {
    try {
      journal.append(record);
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.INTERNAL,
          "could not write the gallery journal in "
              + folder.directory()
              + " ("
              + e
              + "); check free disk space and permissions. Nothing was changed",
          e);
    }
    StoredPerson person = state.apply(record);
    if (record instanceof JournalRecord.Remove) {
      return person; // remove() rewrites the folder right away
    }
    if (journal.sizeBytes() > options.compactionThresholdBytes()) {
      try {
        compactNow();
      } catch (IOException e) {
        LOG.warn("Gallery compaction failed; the change is journalled and safe, will retry", e);
      }
    }
    return person;
  }

  /**
   * Writes a snapshot of every live person, empties the journal and saves a graph without removed
   * people. Afterwards no file in the folder holds a removed person.
   */
  public void compact() {
    changeLock.lock();
    try {
      view.requireOpen();
      compactNow();
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.INTERNAL, "gallery compaction failed in " + folder.directory() + ": " + e, e);
    } finally {
      changeLock.unlock();
    }
  }

  private void compactNow() throws IOException {
    writeSnapshot();
    journal.reset();
    erasurePending = false;
    if (view.indexHasRemovals()) {
      IndexFile.delete(folder.directory());
      view.rebuildIndex();
    }
    saveIndex();
  }

  private void writeSnapshot() throws IOException {
    Snapshot.write(
        folder.snapshot(),
        options.dimension(),
        state.sequence(),
        state.nextTemplateId(),
        view.people());
  }

  private void saveIndex() throws IOException {
    indexSavedAt =
        view.saveIndex(
            (index, sequence) ->
                IndexFile.save(
                    folder.directory(), index, sequence, options.dimension(), options.hnsw()));
  }

  /** Saves the graph if it changed since it was last saved, and releases the folder. */
  @Override
  public void close() {
    changeLock.lock();
    try {
      if (!view.close()) {
        return;
      }
      if (erasurePending) {
        eraseNow();
      }
      if (indexSavedAt != state.sequence()) {
        saveIndex();
      }
    } catch (IOException e) {
      LOG.warn("Could not erase or save on close; the next open retries or rebuilds", e);
    } finally {
      try {
        journal.close();
      } catch (IOException e) {
        LOG.warn("Could not close the gallery journal", e);
      }
      folder.close();
      changeLock.unlock();
    }
  }

  private StoredPerson requirePerson(String id) {
    return view.person(id)
        .orElseThrow(
            () ->
                new FaceException(
                    ErrorCode.PERSON_NOT_FOUND,
                    "no person '" + id + "' is enrolled; enroll them first"));
  }
}
