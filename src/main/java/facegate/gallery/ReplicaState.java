package facegate.gallery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One node's copy of a shared gallery: the people as of change {@link #sequence()} and the HNSW
 * graph over their templates. Changes arrive as whole people ({@link #put}) or removals, so
 * applying the current database content of a changed person is always right, however many changes
 * it folds together. The graph is rebuilt when removed nodes outnumber the live ones. Not
 * thread-safe: the gallery's lock guards it.
 */
final class ReplicaState {
  private static final int MIN_REBUILD_SLOTS = 1024;

  private final int dimension;
  private final HnswParameters hnsw;
  private final TreeMap<String, StoredPerson> people = new TreeMap<>();
  private TemplateIndex index;
  private long sequence;
  private int templateCount;

  private ReplicaState(int dimension, HnswParameters hnsw, long sequence) {
    this.dimension = dimension;
    this.hnsw = hnsw;
    this.sequence = sequence;
  }

  /** A state holding {@code people} at change {@code sequence}, with a freshly built graph. */
  static ReplicaState build(
      int dimension, HnswParameters hnsw, long sequence, Collection<StoredPerson> people) {
    ReplicaState state = new ReplicaState(dimension, hnsw, sequence);
    for (StoredPerson person : people) {
      state.people.put(person.id(), person);
      state.templateCount += person.templates().size();
    }
    state.index = TemplateIndex.build(dimension, hnsw, state.people.values());
    return state;
  }

  /** Adds {@code person}, or replaces the stored one: templates no longer held leave the graph. */
  void put(StoredPerson person) {
    StoredPerson old = people.put(person.id(), person);
    List<StoredTemplate> added = new ArrayList<>(person.templates());
    if (old != null) {
      Set<Long> now = new HashSet<>();
      person.templates().forEach(template -> now.add(template.id()));
      Set<Long> before = new HashSet<>();
      List<StoredTemplate> gone = new ArrayList<>();
      for (StoredTemplate template : old.templates()) {
        before.add(template.id());
        if (!now.contains(template.id())) {
          gone.add(template);
        }
      }
      added.removeIf(template -> before.contains(template.id()));
      if (!gone.isEmpty()) {
        index.remove(new StoredPerson(old.id(), old.name(), old.enrolledAt(), gone));
      }
      templateCount -= old.templates().size();
    }
    templateCount += person.templates().size();
    if (!added.isEmpty()) {
      index.add(person, added);
    }
    rebuildIfSparse();
  }

  /** Removes the person with this id, if held. */
  void remove(String id) {
    StoredPerson old = people.remove(id);
    if (old != null) {
      index.remove(old);
      templateCount -= old.templates().size();
      rebuildIfSparse();
    }
  }

  private void rebuildIfSparse() {
    int removed = index.slotsUsed() - index.size();
    if (removed > MIN_REBUILD_SLOTS && removed > index.size()) {
      index = TemplateIndex.build(dimension, hnsw, people.values());
    }
  }

  /** Records that every change up to {@code sequence} is applied. */
  void advanceTo(long sequence) {
    if (sequence > this.sequence) {
      this.sequence = sequence;
    }
  }

  long sequence() {
    return sequence;
  }

  Optional<StoredPerson> person(String id) {
    return Optional.ofNullable(people.get(id));
  }

  /** People in id order; a read-only live view. */
  Collection<StoredPerson> people() {
    return Collections.unmodifiableCollection(people.values());
  }

  int personCount() {
    return people.size();
  }

  int templateCount() {
    return templateCount;
  }

  TemplateIndex index() {
    return index;
  }
}
