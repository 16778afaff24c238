package facegate.gallery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the folder gallery adds to its {@link GalleryView}: the next template id, and the checks
 * that a {@link JournalRecord} fits the content before it is applied. Changes arrive only as
 * records, the same way live and on replay, so a replayed gallery equals the one that wrote the
 * journal. Not thread-safe: the gallery serialises its changes.
 */
final class JournalState {
  private final GalleryView view;
  private long nextTemplateId;

  private JournalState(GalleryView view, long nextTemplateId) {
    this.view = view;
    this.nextTemplateId = nextTemplateId;
  }

  /**
   * The content of {@code snapshot}, in a view without a graph yet (see {@link GalleryView}).
   *
   * @throws IllegalStateException when the snapshot holds a person twice or a template id at or
   *     above its id counter
   */
  static JournalState open(Snapshot snapshot, GalleryOptions options) {
    Set<String> ids = new HashSet<>();
    for (StoredPerson person : snapshot.people()) {
      if (!ids.add(person.id())) {
        throw new IllegalStateException("snapshot holds person '" + person.id() + "' twice");
      }
      for (StoredTemplate template : person.templates()) {
        if (template.id() >= snapshot.nextTemplateId()) {
          throw new IllegalStateException("snapshot template id above its id counter");
        }
      }
    }
    GalleryView view = new GalleryView(options, false, snapshot.sequence(), snapshot.people());
    return new JournalState(view, snapshot.nextTemplateId());
  }

  /**
   * Applies {@code record}, which must be the next change, to the view.
   *
   * @return the person the change concerns: as enrolled, as extended, or as they were removed
   * @throws IllegalStateException when the record does not fit the current content
   */
  StoredPerson apply(JournalRecord record) {
    if (record.sequence() != view.sequence() + 1) {
      throw new IllegalStateException(
          "change " + record.sequence() + " does not follow change " + view.sequence());
    }
    StoredPerson result;
    GalleryView.PersonChange change;
    if (record instanceof JournalRecord.Enroll enroll) {
      result = enroll.person();
      if (view.person(result.id()).isPresent()) {
        throw new IllegalStateException("person '" + result.id() + "' is enrolled twice");
      }
      claimTemplateIds(result.templates());
      change = GalleryView.PersonChange.put(result);
    } else if (record instanceof JournalRecord.AddTemplates add) {
      result = require(add.personId()).withTemplates(add.templates());
      claimTemplateIds(add.templates());
      change = GalleryView.PersonChange.put(result);
    } else {
      result = require(((JournalRecord.Remove) record).personId());
      change = GalleryView.PersonChange.removal(result.id());
    }
    view.apply(record.sequence(), List.of(change));
    return result;
  }

  private StoredPerson require(String id) {
    return view.person(id)
        .orElseThrow(
            () -> new IllegalStateException("change for person '" + id + "' who is not enrolled"));
  }

  private void claimTemplateIds(List<StoredTemplate> templates) {
    for (StoredTemplate template : templates) {
      if (template.id() < nextTemplateId) {
        throw new IllegalStateException("template id " + template.id() + " was used before");
      }
      nextTemplateId = template.id() + 1;
    }
  }

  /** {@code vectors} as templates with the next unused ids; nothing is changed. */
  List<StoredTemplate> numbered(List<float[]> vectors) {
    List<StoredTemplate> templates = new ArrayList<>(vectors.size());
    long id = nextTemplateId;
    for (float[] vector : vectors) {
      templates.add(new StoredTemplate(id++, vector));
    }
    return templates;
  }

  /** The content the journal's records are applied to. */
  GalleryView view() {
    return view;
  }

  /** The last change applied. */
  long sequence() {
    return view.sequence();
  }

  long nextTemplateId() {
    return nextTemplateId;
  }
}
