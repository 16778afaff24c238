package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Match;
import facegate.core.Person;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
 * <p>Searches share a read lock and run in parallel; changes take the write lock. A change that
 * fails to reach the disk fails with {@code internal_error} and leaves the gallery unchanged.
 */
public final class HnswGallery implements Gallery {
  private static final Logger LOG = LoggerFactory.getLogger(HnswGallery.class);

  private final GalleryFolder folder;
  private final GalleryOptions options;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Journal journal;
  private final GalleryState state;
  private TemplateIndex index;
  private long indexSavedAt;
  private boolean erasurePending;
  private boolean closed;

  private HnswGallery(
      GalleryFolder folder,
      GalleryOptions options,
      Journal journal,
      GalleryState state,
      TemplateIndex index,
      long indexSavedAt) {
    this.folder = folder;
    this.options = options;
    this.journal = journal;
    this.state = state;
    this.index = index;
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
    GalleryState state = new GalleryState(snapshot);
    Journal journal = Journal.open(folder.journal(), dimension, snapshot.sequence(), state::apply);
    try {
      Optional<TemplateIndex> saved =
          IndexFile.load(folder.directory(), state, dimension, options.hnsw());
      if (saved.isEmpty()) {
        IndexFile.delete(folder.directory()); // stale or old: it may hold removed people
      }
      TemplateIndex index =
          saved.orElseGet(() -> TemplateIndex.build(dimension, options.hnsw(), state.people()));
      long savedAt = saved.isPresent() ? state.sequence() : -1;
      HnswGallery gallery = new HnswGallery(folder, options, journal, state, index, savedAt);
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
    lock.writeLock().lock();
    try {
      requireOpen();
      if (state.person(id).isPresent()) {
        throw new FaceException(
            ErrorCode.PERSON_EXISTS,
            "person '" + id + "' is already enrolled; add templates to them, or remove them first");
      }
      StoredPerson person =
          new StoredPerson(id, name == null ? "" : name, now, state.numbered(vectors));
      return commit(new JournalRecord.Enroll(state.sequence() + 1, person)).toPerson();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Person addTemplates(String id, List<Embedding> templates) {
    Person.requireValidId(id);
    List<float[]> vectors = TemplateInput.vectors(templates, options);
    lock.writeLock().lock();
    try {
      requireOpen();
      requirePerson(id);
      List<StoredTemplate> numbered = state.numbered(vectors);
      return commit(new JournalRecord.AddTemplates(state.sequence() + 1, id, numbered)).toPerson();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public boolean remove(String id) {
    lock.writeLock().lock();
    try {
      requireOpen();
      if (!TemplateInput.isValidId(id) || state.person(id).isEmpty()) {
        if (erasurePending) {
          erase(); // a retry after a failed erasure
        }
        return false;
      }
      commit(new JournalRecord.Remove(state.sequence() + 1, id));
      erase();
      return true;
    } finally {
      lock.writeLock().unlock();
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
    if (record instanceof JournalRecord.Enroll enroll) {
      index.add(person, enroll.person().templates());
    } else if (record instanceof JournalRecord.AddTemplates add) {
      index.add(person, add.templates());
    } else {
      index.remove(person);
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
    lock.writeLock().lock();
    try {
      requireOpen();
      compactNow();
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.INTERNAL, "gallery compaction failed in " + folder.directory() + ": " + e, e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void compactNow() throws IOException {
    writeSnapshot();
    journal.reset();
    erasurePending = false;
    if (index.hasRemovals()) {
      IndexFile.delete(folder.directory());
      index = TemplateIndex.build(options.dimension(), options.hnsw(), state.people());
    }
    saveIndex();
  }

  private void writeSnapshot() throws IOException {
    Snapshot.write(
        folder.snapshot(),
        options.dimension(),
        state.sequence(),
        state.nextTemplateId(),
        state.people());
  }

  private void saveIndex() throws IOException {
    IndexFile.save(
        folder.directory(), index, state.sequence(), options.dimension(), options.hnsw());
    indexSavedAt = state.sequence();
  }

  @Override
  public Optional<Person> find(String id) {
    if (!TemplateInput.isValidId(id)) {
      return Optional.empty();
    }
    lock.readLock().lock();
    try {
      requireOpen();
      return state.person(id).map(StoredPerson::toPerson);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Page list(int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "offset and limit must not be negative");
    }
    lock.readLock().lock();
    try {
      requireOpen();
      List<Person> people =
          state.people().stream().skip(offset).limit(limit).map(StoredPerson::toPerson).toList();
      return new Page(people, state.personCount());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Match> search(Embedding probe, int k) {
    if (k < 1) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "k must be at least 1: " + k);
    }
    float[] query = TemplateInput.vector(probe, options);
    lock.readLock().lock();
    try {
      requireOpen();
      List<Match> matches = new ArrayList<>();
      for (TemplateIndex.PersonScore hit : index.nearestPeople(query, k, options.hnsw().ef())) {
        String name = state.person(hit.personId()).orElseThrow().name();
        matches.add(new Match(hit.personId(), name, hit.score()));
      }
      return matches;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<Match> compare(String id, Embedding probe) {
    float[] query = TemplateInput.vector(probe, options);
    if (!TemplateInput.isValidId(id)) {
      return Optional.empty();
    }
    lock.readLock().lock();
    try {
      requireOpen();
      return state
          .person(id)
          .map(person -> new Match(person.id(), person.name(), person.bestCosine(query)));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int size() {
    lock.readLock().lock();
    try {
      requireOpen();
      return state.personCount();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public GalleryInfo info() {
    lock.readLock().lock();
    try {
      requireOpen();
      return new GalleryInfo(
          options.modelName(), options.dimension(), state.personCount(), state.templateCount());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Saves the graph if it changed since it was last saved, and releases the folder. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
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
      lock.writeLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the gallery is closed");
    }
  }

  private StoredPerson requirePerson(String id) {
    return state
        .person(id)
        .orElseThrow(
            () ->
                new FaceException(
                    ErrorCode.PERSON_NOT_FOUND,
                    "no person '" + id + "' is enrolled; enroll them first"));
  }
}
