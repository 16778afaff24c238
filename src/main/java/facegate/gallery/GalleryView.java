package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Match;
import facegate.core.Person;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The in-memory read model both stores answer from: the people by id as of change {@link
 * #sequence()}, the HNSW graph over their templates, and the {@link Gallery} reads (find, list,
 * search, compare, size, info). The stores differ only in how changes are saved and received; each
 * hands them here as whole people or removals ({@link #apply}), so applying a person's current
 * content is always right, however many changes it folds together.
 *
 * <p>Reads share a read lock and run in parallel; changes, graph rebuilds and saves take the write
 * lock. The caller serialises changes (one writer at a time). Read arguments are checked before the
 * lock and before the closed check, with the {@link Gallery} contract's error codes. Once {@link
 * #close()} ran, every read fails with {@link IllegalStateException}.
 *
 * <p>The graph: a view starts without one, so that a journal can be replayed into the people first;
 * {@link #attachIndex} then loads or builds it, and the reads that need it fail until then. Removed
 * templates stay in the graph as zeroed nodes ({@link TemplateIndex#remove}) until it is rebuilt:
 * when they outnumber the live ones (with {@code rebuildWhenSparse}) or on {@link #rebuildIndex()}.
 */
final class GalleryView {
  private static final int MIN_REBUILD_SLOTS = 1024;

  private final GalleryOptions options;
  private final boolean rebuildWhenSparse;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private TreeMap<String, StoredPerson> people = new TreeMap<>();
  private TemplateIndex index;
  private long sequence;
  private int templateCount;

  /**
   * A view holding {@code people} (distinct ids) at change {@code sequence}, without a graph yet.
   *
   * @param rebuildWhenSparse rebuild the graph as soon as removed nodes outnumber live ones (and
   *     exceed 1024); otherwise only {@link #rebuildIndex()} does
   */
  GalleryView(
      GalleryOptions options,
      boolean rebuildWhenSparse,
      long sequence,
      Collection<StoredPerson> people) {
    this.options = options;
    this.rebuildWhenSparse = rebuildWhenSparse;
    this.sequence = sequence;
    for (StoredPerson person : people) {
      this.people.put(person.id(), person);
      templateCount += person.templates().size();
    }
  }

  /**
   * One person's change.
   *
   * @param personId whom it concerns
   * @param person their whole content after it, or null when it removed them
   */
  record PersonChange(String personId, StoredPerson person) {
    static PersonChange put(StoredPerson person) {
      return new PersonChange(person.id(), person);
    }

    static PersonChange removal(String personId) {
      return new PersonChange(personId, null);
    }
  }

  /**
   * Applies {@code changes} in order, atomically for readers, and records that every change up to
   * {@code sequence} is applied (a lower number leaves the recorded one). Removing an id that is
   * not held does nothing; putting a held id replaces the person, and the templates they no longer
   * hold leave the graph.
   */
  void apply(long sequence, Collection<PersonChange> changes) {
    writing(
        () -> {
          for (PersonChange change : changes) {
            if (change.person() == null) {
              remove(change.personId());
            } else {
              put(change.person());
            }
            if (rebuildWhenSparse && index != null) {
              rebuildIfSparse();
            }
          }
          this.sequence = Math.max(this.sequence, sequence);
        });
  }

  private void put(StoredPerson person) {
    StoredPerson old = people.put(person.id(), person);
    List<StoredTemplate> added = old == null ? person.templates() : person.templatesNotIn(old);
    if (old != null) {
      List<StoredTemplate> gone = old.templatesNotIn(person);
      if (!gone.isEmpty() && index != null) {
        index.remove(new StoredPerson(old.id(), old.name(), old.enrolledAt(), gone));
      }
      templateCount -= old.templates().size();
    }
    templateCount += person.templates().size();
    if (!added.isEmpty() && index != null) {
      index.add(person, added);
    }
  }

  private void remove(String id) {
    StoredPerson old = people.remove(id);
    if (old != null) {
      if (index != null) {
        index.remove(old);
      }
      templateCount -= old.templates().size();
    }
  }

  private void rebuildIfSparse() {
    int removed = index.slotsUsed() - index.size();
    if (removed > MIN_REBUILD_SLOTS && removed > index.size()) {
      index = newIndex(people.values());
    }
  }

  /**
   * Replaces the whole content by {@code people} (distinct ids) at change {@code sequence}, with a
   * graph built before the write lock is taken, so reads go on meanwhile.
   */
  void replace(long sequence, Collection<StoredPerson> people) {
    TreeMap<String, StoredPerson> loaded = new TreeMap<>();
    int templates = 0;
    for (StoredPerson person : people) {
      loaded.put(person.id(), person);
      templates += person.templates().size();
    }
    TemplateIndex built = newIndex(loaded.values());
    int templateTotal = templates;
    writing(
        () -> {
          this.people = loaded;
          this.index = built;
          this.sequence = sequence;
          this.templateCount = templateTotal;
        });
  }

  /** Uses {@code saved} as the graph, or builds one from the people when it is empty. */
  void attachIndex(Optional<TemplateIndex> saved) {
    writing(() -> index = saved.orElseGet(() -> newIndex(people.values())));
  }

  /** True once a template was removed since the graph was built or loaded. */
  boolean indexHasRemovals() {
    return reading(() -> index.hasRemovals());
  }

  /** Rebuilds the graph from the people, dropping removed nodes. */
  void rebuildIndex() {
    writing(() -> index = newIndex(people.values()));
  }

  private TemplateIndex newIndex(Collection<StoredPerson> content) {
    return TemplateIndex.build(options.dimension(), options.hnsw(), content);
  }

  /** Writes the graph somewhere, knowing the change it reflects. */
  interface IndexWriter {
    void write(TemplateIndex index, long sequence) throws IOException;
  }

  /**
   * Hands the graph and its change number to {@code writer} with searches and changes held off.
   *
   * @return the change number the written graph reflects
   */
  long saveIndex(IndexWriter writer) throws IOException {
    lock.writeLock().lock();
    try {
      writer.write(index, sequence);
      return sequence;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The last change applied. Works after {@link #close()} too. */
  long sequence() {
    return reading(() -> sequence);
  }

  /** The stored person with this id, for the writers' checks; works after {@link #close()} too. */
  Optional<StoredPerson> person(String id) {
    return reading(() -> Optional.ofNullable(people.get(id)));
  }

  /** Every person in id order, a copy; works after {@link #close()} too. */
  List<StoredPerson> people() {
    return reading(() -> List.copyOf(people.values()));
  }

  /** See {@link Gallery#find}: empty for an invalid id. */
  Optional<Person> find(String id) {
    if (!TemplateInput.isValidId(id)) {
      return Optional.empty();
    }
    return readingOpen(() -> Optional.ofNullable(people.get(id)).map(StoredPerson::toPerson));
  }

  /** See {@link Gallery#list}: {@code malformed_request} for a negative offset or limit. */
  Page list(int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "offset and limit must not be negative");
    }
    return readingOpen(
        () -> {
          Stream<StoredPerson> page = people.values().stream().skip(offset).limit(limit);
          return new Page(page.map(StoredPerson::toPerson).toList(), people.size());
        });
  }

  /** See {@link Gallery#search}: {@code malformed_request} for k < 1 or a bad probe. */
  List<Match> search(Embedding probe, int k) {
    if (k < 1) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "k must be at least 1: " + k);
    }
    float[] query = TemplateInput.vector(probe, options);
    return readingOpen(
        () -> {
          List<Match> matches = new ArrayList<>();
          for (TemplateIndex.PersonScore hit : index.nearestPeople(query, k, options.hnsw().ef())) {
            String name = Optional.ofNullable(people.get(hit.personId())).orElseThrow().name();
            matches.add(new Match(hit.personId(), name, hit.score()));
          }
          return matches;
        });
  }

  /** See {@link Gallery#compare}: a bad probe fails before an invalid id gives empty. */
  Optional<Match> compare(String id, Embedding probe) {
    float[] query = TemplateInput.vector(probe, options);
    if (!TemplateInput.isValidId(id)) {
      return Optional.empty();
    }
    return readingOpen(
        () ->
            Optional.ofNullable(people.get(id))
                .map(person -> new Match(person.id(), person.name(), person.bestCosine(query))));
  }

  /** See {@link Gallery#templates}: empty for an invalid or unknown id. */
  Optional<List<Embedding>> templates(String id) {
    if (!TemplateInput.isValidId(id)) {
      return Optional.empty();
    }
    return readingOpen(
        () ->
            Optional.ofNullable(people.get(id))
                .map(
                    person ->
                        person.templates().stream()
                            .map(template -> new Embedding(template.vector()))
                            .toList()));
  }

  /** See {@link Gallery#size}. */
  int size() {
    return readingOpen(people::size);
  }

  /** See {@link Gallery#info}. */
  GalleryInfo info() {
    return readingOpen(
        () ->
            new GalleryInfo(
                options.modelName(), options.dimension(), people.size(), templateCount));
  }

  private <T> T reading(Supplier<T> reader) {
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** {@code reader} under the read lock, once the view is known to be open. */
  private <T> T readingOpen(Supplier<T> reader) {
    return reading(
        () -> {
          requireOpen();
          return reader.get();
        });
  }

  private void writing(Runnable change) {
    lock.writeLock().lock();
    try {
      change.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Fails with {@link IllegalStateException} once the view is closed. */
  void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the gallery is closed");
    }
  }

  /**
   * Makes every later read fail; the content stays for the owner's final saves.
   *
   * @return true for the call that closed it, false when it was closed already
   */
  boolean close() {
    return closed.compareAndSet(false, true);
  }
}
