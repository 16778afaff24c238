package facegate.gallery;

import facegate.core.Person;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A person as the gallery stores them: what {@link Person} says plus the template vectors.
 *
 * @param id a valid person id
 * @param name the display name, never null
 * @param enrolledAt when the person was first enrolled
 * @param templates at least one
 */
record StoredPerson(String id, String name, Instant enrolledAt, List<StoredTemplate> templates) {
  StoredPerson {
    Person.requireValidId(id);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(enrolledAt, "enrolledAt");
    templates = List.copyOf(templates);
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("a stored person needs at least one template");
    }
  }

  /** This person with {@code more} templates appended. */
  StoredPerson withTemplates(List<StoredTemplate> more) {
    List<StoredTemplate> all = new ArrayList<>(templates.size() + more.size());
    all.addAll(templates);
    all.addAll(more);
    return new StoredPerson(id, name, enrolledAt, all);
  }

  /** This person's templates whose ids {@code other} does not hold, in order; possibly empty. */
  List<StoredTemplate> templatesNotIn(StoredPerson other) {
    Set<Long> held = new HashSet<>();
    other.templates.forEach(template -> held.add(template.id()));
    return templates.stream().filter(template -> !held.contains(template.id())).toList();
  }

  /** The exact cosine of {@code probe} with this person's most similar template. */
  double bestCosine(float[] probe) {
    double best = Double.NEGATIVE_INFINITY;
    for (StoredTemplate template : templates) {
      double sum = 0;
      float[] vector = template.vector();
      for (int i = 0; i < probe.length; i++) {
        sum += (double) probe[i] * vector[i];
      }
      best = Math.max(best, sum);
    }
    return best;
  }

  Person toPerson() {
    return new Person(id, name, templates.size(), enrolledAt);
  }
}
