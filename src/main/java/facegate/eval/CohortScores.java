package facegate.eval;

import facegate.core.Embedding;
import facegate.core.Match;
import facegate.gallery.AdaptiveSNorm;
import facegate.gallery.Gallery;
import facegate.gallery.TemplateCohort;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a verify attempt's normalised score is made of, kept deep enough to recompute it for any
 * top-k and cohort rule offline: the cosine with the claimed person's best template and, for the
 * probe and that template, their highest cosines with the default cohort and with the gallery's
 * other people (the claimed person left out, as {@code CohortNormalizer} leaves them out). The
 * union cohort's top k is the top k of the two lists merged, so lists of depth d answer every k ≤
 * d.
 *
 * @param raw the cosine of the probe with the best template
 * @param otherPeople enrolled people other than the claimed one (what the switch-over rule counts)
 * @param probeDefault the probe's highest default-cohort cosines, highest first
 * @param probeGallery the probe's highest cosines with the other people, highest first
 * @param templateDefault likewise for the template
 * @param templateGallery likewise for the template
 */
public record CohortScores(
    double raw,
    int otherPeople,
    double[] probeDefault,
    double[] probeGallery,
    double[] templateDefault,
    double[] templateGallery) {
  public CohortScores {
    if (!Double.isFinite(raw) || otherPeople < 0) {
      throw new IllegalArgumentException("need a finite cosine and otherPeople >= 0");
    }
    Objects.requireNonNull(probeDefault, "probeDefault");
    Objects.requireNonNull(probeGallery, "probeGallery");
    Objects.requireNonNull(templateDefault, "templateDefault");
    Objects.requireNonNull(templateGallery, "templateGallery");
  }

  /**
   * The scores of {@code probe} claiming {@code claimedId}, with lists of at most {@code depth}.
   *
   * @param gallery holds {@code claimedId}
   * @param defaults the default cohort the service uses (its measured data set left out)
   * @throws IllegalArgumentException when {@code claimedId} is not enrolled or depth < 2
   */
  public static CohortScores of(
      Embedding probe, String claimedId, Gallery gallery, TemplateCohort defaults, int depth) {
    if (depth < 2) {
      throw new IllegalArgumentException("depth must be at least 2: " + depth);
    }
    List<Embedding> templates =
        gallery
            .templates(claimedId)
            .orElseThrow(() -> new IllegalArgumentException(claimedId + " is not enrolled"));
    Embedding best = templates.get(0);
    double raw = probe.cosine(best);
    for (Embedding template : templates) {
      if (probe.cosine(template) > raw) {
        raw = probe.cosine(template);
        best = template;
      }
    }
    return new CohortScores(
        raw,
        Math.max(0, gallery.size() - 1),
        defaults.topScores(probe, depth),
        galleryScores(probe, claimedId, gallery, depth),
        defaults.topScores(best, depth),
        galleryScores(best, claimedId, gallery, depth));
  }

  private static double[] galleryScores(
      Embedding face, String claimedId, Gallery gallery, int depth) {
    if (gallery.size() == 0) {
      return new double[0];
    }
    return gallery.search(face, depth + 1).stream()
        .filter(hit -> !hit.personId().equals(claimedId))
        .limit(depth)
        .mapToDouble(Match::score)
        .toArray();
  }

  /**
   * The normalised score under {@code CohortNormalizer}'s rule: the gallery alone when {@code
   * otherPeople >= galleryOnlyAt}, else the top k of default cohort and gallery together.
   *
   * @param topK at least 2 and at most the lists' depth
   */
  public double normalized(int topK, int galleryOnlyAt) {
    boolean galleryOnly = otherPeople >= galleryOnlyAt;
    AdaptiveSNorm.Statistics a =
        AdaptiveSNorm.statistics(
            galleryOnly ? probeGallery : union(probeDefault, probeGallery), topK);
    AdaptiveSNorm.Statistics b =
        AdaptiveSNorm.statistics(
            galleryOnly ? templateGallery : union(templateDefault, templateGallery), topK);
    return AdaptiveSNorm.normalize(raw, a, b);
  }

  private static double[] union(double[] first, double[] second) {
    double[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** The header of {@link #tsv}'s columns. */
  public static final String TSV_HEADER =
      "raw\totherPeople\tprobeDefault\tprobeGallery\ttemplateDefault\ttemplateGallery";

  /** One TSV row: the cosine, the count, then each list comma-separated (6 decimals). */
  public String tsv() {
    return String.format(Locale.ROOT, "%.6f", raw)
        + "\t"
        + otherPeople
        + "\t"
        + list(probeDefault)
        + "\t"
        + list(probeGallery)
        + "\t"
        + list(templateDefault)
        + "\t"
        + list(templateGallery);
  }

  private static String list(double[] scores) {
    return Arrays.stream(scores)
        .mapToObj(s -> String.format(Locale.ROOT, "%.6f", s))
        .collect(Collectors.joining(","));
  }
}
