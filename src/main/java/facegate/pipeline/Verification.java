package facegate.pipeline;

/**
 * The answer to "are these the same person?".
 *
 * @param match whether {@code score} reaches {@code threshold} (score ≥ threshold)
 * @param score cosine similarity of the two faces (for an enrolled person: with their best
 *     template), in [-1, 1]
 * @param threshold the verify threshold the decision used
 */
public record Verification(boolean match, double score, double threshold) {
  public Verification {
    if (!Double.isFinite(score) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("score and threshold must be finite");
    }
  }
}
