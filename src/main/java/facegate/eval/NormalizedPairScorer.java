package facegate.eval;

import facegate.core.Embedding;
import facegate.gallery.AdaptiveSNorm;
import facegate.gallery.TemplateCohort;
import java.util.Objects;

/**
 * Scores a probe against a template as a normalising service with an empty gallery does ({@code
 * CohortNormalizer}): the cosine, S-normalised by each face's top-{@code k} cosines with the
 * default cohort ({@link AdaptiveSNorm}). Both faces' statistics are computed from the embeddings
 * given, so a single-view probe is described by its own cohort scores, not by those of its full
 * embedding. Thread-safe.
 */
public final class NormalizedPairScorer implements SingleViewMargin.Scorer {
  private final TemplateCohort cohort;
  private final int topK;

  /**
   * @param cohort at least 2 templates
   * @param topK cohort scores per face, at least 2
   */
  public NormalizedPairScorer(TemplateCohort cohort, int topK) {
    this.cohort = Objects.requireNonNull(cohort, "cohort");
    if (topK < 2 || cohort.size() < 2) {
      throw new IllegalArgumentException(
          "need topK >= 2 and a cohort of at least 2: topK=" + topK + " cohort=" + cohort.size());
    }
    this.topK = topK;
  }

  @Override
  public double score(Embedding probe, Embedding template) {
    return AdaptiveSNorm.normalize(probe.cosine(template), statistics(probe), statistics(template));
  }

  private AdaptiveSNorm.Statistics statistics(Embedding face) {
    return AdaptiveSNorm.statistics(cohort.topScores(face, topK), topK);
  }
}
