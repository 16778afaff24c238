package facegate.core;

/**
 * A gallery candidate for a probe face.
 *
 * @param personId the enrolled person
 * @param name the person's display name
 * @param score cosine similarity of the probe with the person's best template, in [-1, 1]
 */
public record Match(String personId, String name, double score) {
  public Match {
    Person.requireValidId(personId);
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite: " + score);
    }
  }
}
