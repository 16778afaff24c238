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
 * @param singleViewMargin the model's calibrated single-view margin in normalised units (how far a
 *     probe's normalised score from its chip alone may lie from its full embedding's), empty when
 *     not calibrated; at least 0 when present
 */
record ScoreNormalization(
    CohortNormalizer normalizer, double threshold, OptionalDouble singleViewMargin) {
  ScoreNormalization {
    Objects.requireNonNull(normalizer, "normalizer");
    Objects.requireNonNull(singleViewMargin, "singleViewMargin");
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("normalised threshold must be finite: " + threshold);
    }
    if (singleViewMargin.isPresent() && !(singleViewMargin.getAsDouble() >= 0)) {
      throw new IllegalArgumentException(
          "normalised singleViewMargin must be at least 0: " + singleViewMargin);
    }
  }

  /** Without a single-view margin. */
  ScoreNormalization(CohortNormalizer normalizer, double threshold) {
    this(normalizer, threshold, OptionalDouble.empty());
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
