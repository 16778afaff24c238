package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.Match;
import facegate.core.Person;
import java.util.List;
import java.util.Optional;

/**
 * The people enrolled for recognition and their face templates. Implementations are thread-safe:
 * searches may run in parallel with each other; changes are serialised.
 *
 * <p>Edge cases, for every implementation: an invalid person id, an empty template list, a null
 * template or a template whose dimension differs from the gallery's fails with {@code
 * malformed_request}; enrolling an id that is already enrolled fails with {@code person_exists};
 * adding templates to an unknown id fails with {@code person_not_found}; removing an unknown id
 * returns {@code false}; searching an empty gallery returns an empty list. Once a changing method
 * returns, the change is durable (it survives a crash of the process).
 */
public interface Gallery extends AutoCloseable {

  /**
   * Enrolls a new person.
   *
   * @param id 1-128 characters of letters, digits, {@code . _ - @}
   * @param name a display name, possibly empty or null (stored as empty)
   * @param templates at least one embedding of the gallery's dimension
   * @return the enrolled person
   */
  Person enroll(String id, String name, List<Embedding> templates);

  /**
   * Adds templates to an enrolled person.
   *
   * @return the person with the new template count
   */
  Person addTemplates(String id, List<Embedding> templates);

  /**
   * Removes a person and all their templates.
   *
   * @return true if the person was enrolled, false if no such person exists
   */
  boolean remove(String id);

  /** The enrolled person with this id, or empty (also for an id that is not valid). */
  Optional<Person> find(String id);

  /**
   * A page of enrolled people ordered by id.
   *
   * @param offset how many people to skip, at least 0; past the end gives an empty page
   * @param limit at most this many people, at least 0
   */
  Page list(int offset, int limit);

  /**
   * The {@code k} people whose best template is most similar (cosine) to {@code probe}, best first;
   * each person appears at most once. Fewer than {@code k} when fewer people are enrolled. The
   * search is approximate (HNSW) and may, rarely, miss a true neighbour.
   *
   * @param k at least 1
   */
  List<Match> search(Embedding probe, int k);

  /**
   * How similar {@code probe} is to one enrolled person: the exact cosine with the person's best
   * template (every template is compared, no approximation). Empty when no such person is enrolled
   * (also for an id that is not valid). A probe of another dimension fails with {@code
   * malformed_request}.
   */
  Optional<Match> compare(String id, Embedding probe);

  /**
   * The templates of one enrolled person, in enrollment order; empty when no such person is
   * enrolled (also for an id that is not valid). For score normalisation, which needs the template
   * a probe was compared with.
   */
  Optional<List<Embedding>> templates(String id);

  /** How many people are enrolled. */
  int size();

  /** The model the gallery's templates come from, and its counts. */
  GalleryInfo info();

  /** Releases the gallery's files; later calls fail. Idempotent. */
  @Override
  void close();
}
