package facegate.pipeline;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.embed.NormalizationCard;
import facegate.gallery.CohortNormalizer;
import facegate.gallery.Gallery;
import facegate.gallery.TemplateCohort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a {@link ScoreNormalization} from the model's normalisation card and default cohort. */
final class CohortLoader {
  private static final Logger LOG = LoggerFactory.getLogger(CohortLoader.class);

  private CohortLoader() {}

  /**
   * @throws FaceException {@code configuration_invalid} when the model has no card, cohort or
   *     threshold, or the exclusions leave fewer than 2 cohort templates
   */
  static ScoreNormalization load(NormalizationSettings settings, Gallery gallery) {
    Path modelDir = settings.modelDir();
    NormalizationCard card =
        NormalizationCard.read(modelDir)
            .orElseThrow(
                () ->
                    invalid(
                        "the model in "
                            + modelDir
                            + " has no normalization card; build one with `facegate"
                            + " build-cohort` or set facegate.normalization.enabled=false"));
    Path cohortFile = card.cohortPath(modelDir);
    if (!Files.isRegularFile(cohortFile)) {
      throw invalid("no default cohort " + cohortFile + "; build it with `facegate build-cohort`");
    }
    TemplateCohort cohort = TemplateCohort.read(cohortFile).without(settings.excludedSources());
    if (cohort.size() < 2) {
      throw invalid(
          "the default cohort has fewer than 2 templates without " + settings.excludedSources());
    }
    double threshold;
    if (settings.threshold().isPresent()) {
      threshold = settings.threshold().getAsDouble();
    } else if (card.threshold() != null) {
      threshold = card.threshold();
    } else {
      throw invalid(
          "the model has no calibrated normalised threshold; set"
              + " facegate.normalization.threshold or run `facegate calibrate --gallery DIR`");
    }
    LOG.info(
        "Normalising verify scores: threshold {}, top {} cohort scores, default cohort {} {}"
            + " until the gallery has {} other people, single-view margin {}",
        threshold,
        card.topK(),
        cohort.size(),
        cohort.sourceCounts(),
        card.galleryOnlyAt(),
        card.singleViewMargin() == null ? "not calibrated" : card.singleViewMargin());
    return new ScoreNormalization(
        new CohortNormalizer(gallery, cohort, card.topK(), card.galleryOnlyAt()),
        threshold,
        card.singleViewMargin() == null
            ? OptionalDouble.empty()
            : OptionalDouble.of(card.singleViewMargin()));
  }

  private static FaceException invalid(String message) {
    return new FaceException(ErrorCode.CONFIGURATION_INVALID, message);
  }
}
