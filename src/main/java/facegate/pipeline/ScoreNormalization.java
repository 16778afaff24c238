package facegate.pipeline;

import facegate.core.Embedding;
import facegate.gallery.CohortNormalizer;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Verify decisions on cohort-normalised scores: the cosine is computed as before (with the claimed
 * person's best template), then normalised against the cohort ({@link CohortNormalizer}, the
 * claimed person left out of it) and compared with a threshold on normalised scores. The answer
 * keeps the cosine and the raw threshold beside the normalised score and threshold.
 *
 * @param normalizer the cohort and its switch-over rule
 * @param threshold accept when the normalised score is at least this; finite
 */
record ScoreNormalization(CohortNormalizer normalizer, double threshold) {
  ScoreNormalization {
    Objects.requireNonNull(normalizer, "normalizer");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("normalised threshold must be finite: " + threshold);
    }
  }

  /**
   * The decision for {@code probe} claiming to be {@code id} (enrolled with {@code templates}).
   *
   * @param templates at least one
   */
  Verification enrolled(
      Embedding probe, String id, List<Embedding> templates, double rawThreshold) {
    Embedding best = templates.get(0);
    double raw = probe.cosine(best);
    for (Embedding template : templates) {
      double score = probe.cosine(template);
      if (score > raw) {
        raw = score;
        best = template;
      }
    }
    return decide(normalizer.normalize(probe, best, raw, Set.of(id)), rawThreshold);
  }

  /** The decision for two photos' faces; no enrolled person is left out of the cohort. */
  Verification photos(Embedding first, Embedding second, double rawThreshold) {
    return decide(
        normalizer.normalize(first, second, first.cosine(second), Set.of()), rawThreshold);
  }

  private Verification decide(CohortNormalizer.Score score, double rawThreshold) {
    return new Verification(
        score.normalized() >= threshold,
        score.raw(),
        threshold,
        OptionalDouble.of(score.normalized()),
        rawThreshold);
  }
}
