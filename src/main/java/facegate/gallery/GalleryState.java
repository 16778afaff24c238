package facegate.gallery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gallery's content in memory: people by id, the last applied journal sequence number and the
 * next template id. Changes arrive only as {@link JournalRecord}s, the same way live and on replay,
 * so a replayed gallery equals the one that wrote the journal. Not thread-safe.
 */
final class GalleryState {
  private final TreeMap<String, StoredPerson> people = new TreeMap<>();
  private long sequence;
  private long nextTemplateId;
  private int templateCount;

  GalleryState(Snapshot snapshot) {
    sequence = snapshot.sequence();
    nextTemplateId = snapshot.nextTemplateId();
    for (StoredPerson person : snapshot.people()) {
      if (people.put(person.id(), person) != null) {
        throw new IllegalStateException("snapshot holds person '" + person.id() + "' twice");
      }
      templateCount += person.templates().size();
      for (StoredTemplate template : person.templates()) {
        if (template.id() >= nextTemplateId) {
          throw new IllegalStateException("snapshot template id above its id counter");
        }
      }
    }
  }

  /**
   * Applies {@code record}, which must be the next change.
   *
   * @return the person the change concerns: as enrolled, as extended, or as they were removed
   * @throws IllegalStateException when the record does not fit the current content
   */
  StoredPerson apply(JournalRecord record) {
    if (record.sequence() != sequence + 1) {
      throw new IllegalStateException(
          "change " + record.sequence() + " does not follow change " + sequence);
    }
    StoredPerson result;
    if (record instanceof JournalRecord.Enroll enroll) {
      result = enroll.person();
      if (people.containsKey(result.id())) {
        throw new IllegalStateException("person '" + result.id() + "' is enrolled twice");
      }
      claimTemplateIds(result.templates());
      people.put(result.id(), result);
    } else if (record instanceof JournalRecord.AddTemplates add) {
      result = require(add.personId()).withTemplates(add.templates());
      claimTemplateIds(add.templates());
      people.put(result.id(), result);
    } else {
      result = people.remove(require(((JournalRecord.Remove) record).personId()).id());
      templateCount -= result.templates().size();
    }
    sequence = record.sequence();
    return result;
  }

  private StoredPerson require(String id) {
    StoredPerson person = people.get(id);
    if (person == null) {
      throw new IllegalStateException("change for person '" + id + "' who is not enrolled");
    }
    return person;
  }

  private void claimTemplateIds(List<StoredTemplate> templates) {
    for (StoredTemplate template : templates) {
      if (template.id() < nextTemplateId) {
        throw new IllegalStateException("template id " + template.id() + " was used before");
      }
      nextTemplateId = template.id() + 1;
    }
    templateCount += templates.size();
  }

  /** {@code vectors} as templates with the next unused ids; the state is not changed. */
  List<StoredTemplate> numbered(List<float[]> vectors) {
    List<StoredTemplate> templates = new ArrayList<>(vectors.size());
    long id = nextTemplateId;
    for (float[] vector : vectors) {
      templates.add(new StoredTemplate(id++, vector));
    }
    return templates;
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

  long sequence() {
    return sequence;
  }

  long nextTemplateId() {
    return nextTemplateId;
  }
}
