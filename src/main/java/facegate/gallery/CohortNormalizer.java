package facegate.gallery;

import facegate.core.Embedding;
import facegate.core.Match;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Adaptive S-norm ({@link AdaptiveSNorm}) of verify scores against a cohort that follows the
 * gallery: the gallery's enrolled people are the population whose impostors matter, so they are the
 * cohort once there are enough of them. The rule, with {@code n} the enrolled people other than the
 * excluded ones (the claimed person, whose own templates would pass for impostors):
 *
 * <ul>
 *   <li>{@code n < galleryOnlyAt}: the cohort is the shipped default cohort plus the gallery's
 *       other people (each person's best template), and each face's top {@code topK} of the union
 *       is used: in a small gallery its own people already rank first;
 *   <li>{@code n >= galleryOnlyAt}: the gallery's other people alone, found with the gallery's HNSW
 *       index (a search of {@code topK} + excluded people).
 * </ul>
 *
 * Bounds: {@code 2 <= topK} and {@code galleryOnlyAt >= topK}, so that a gallery-only cohort always
 * yields {@code topK} scores; the default cohort must hold at least 2 templates, so that a face
 * always has two cohort scores. Thread-safe when the gallery is.
 */
public final class CohortNormalizer {
  /** Which cohort a face is scored against. */
  public enum CohortSource {
    /** The shipped default cohort plus the gallery's other people. */
    DEFAULT_AND_GALLERY,
    /** The gallery's other people alone. */
    GALLERY
  }

  /**
   * One normalised score.
   *
   * @param raw the cosine
   * @param normalized the S-normalised score
   * @param source the cohort used
   */
  public record Score(double raw, double normalized, CohortSource source) {
    public Score {
      if (!Double.isFinite(raw) || !Double.isFinite(normalized)) {
        throw new IllegalArgumentException("scores must be finite");
      }
      Objects.requireNonNull(source, "source");
    }
  }

  private final Gallery gallery;
  private final TemplateCohort defaults;
  private final int topK;
  private final int galleryOnlyAt;

  /**
   * @param defaults the default cohort, at least 2 templates
   * @param topK cohort scores per face, at least 2
   * @param galleryOnlyAt other enrolled people from which on the gallery alone is the cohort, at
   *     least {@code topK}
   */
  public CohortNormalizer(Gallery gallery, TemplateCohort defaults, int topK, int galleryOnlyAt) {
    this.gallery = Objects.requireNonNull(gallery, "gallery");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    if (topK < 2 || galleryOnlyAt < topK || defaults.size() < 2) {
      throw new IllegalArgumentException(
          "need topK >= 2, galleryOnlyAt >= topK and a default cohort of at least 2: topK="
              + topK
              + " galleryOnlyAt="
              + galleryOnlyAt
              + " cohort="
              + defaults.size());
    }
    this.topK = topK;
    this.galleryOnlyAt = galleryOnlyAt;
  }

  public int topK() {
    return topK;
  }

  public int galleryOnlyAt() {
    return galleryOnlyAt;
  }

  /** The cohort for a gallery with {@code otherPeople} people besides the excluded ones. */
  public CohortSource sourceFor(int otherPeople) {
    return otherPeople >= galleryOnlyAt ? CohortSource.GALLERY : CohortSource.DEFAULT_AND_GALLERY;
  }

  /**
   * The normalised score of {@code probe} against {@code template}, whose cosine is {@code raw}.
   *
   * @param excludedIds enrolled people left out of the cohort (the claimed person; for two photos
   *     none)
   */
  public Score normalize(Embedding probe, Embedding template, double raw, Set<String> excludedIds) {
    int others = Math.max(0, gallery.size() - excludedIds.size());
    CohortSource source = sourceFor(others);
    AdaptiveSNorm.Statistics a = statistics(probe, excludedIds, source);
    AdaptiveSNorm.Statistics b = statistics(template, excludedIds, source);
    return new Score(raw, AdaptiveSNorm.normalize(raw, a, b), source);
  }

  /** {@code face}'s statistics over the top-k of {@code source}'s cohort. */
  AdaptiveSNorm.Statistics statistics(
      Embedding face, Set<String> excludedIds, CohortSource source) {
    double[] fromGallery = galleryScores(face, excludedIds);
    if (source == CohortSource.GALLERY) {
      return AdaptiveSNorm.statistics(fromGallery, topK);
    }
    double[] fromDefaults = defaults.topScores(face, topK);
    double[] union = Arrays.copyOf(fromDefaults, fromDefaults.length + fromGallery.length);
    System.arraycopy(fromGallery, 0, union, fromDefaults.length, fromGallery.length);
    return AdaptiveSNorm.statistics(union, topK);
  }

  private double[] galleryScores(Embedding face, Set<String> excludedIds) {
    if (gallery.size() == 0) {
      return new double[0];
    }
    List<Match> hits = gallery.search(face, topK + excludedIds.size());
    return hits.stream()
        .filter(hit -> !excludedIds.contains(hit.personId()))
        .limit(topK)
        .mapToDouble(Match::score)
        .toArray();
  }
}
