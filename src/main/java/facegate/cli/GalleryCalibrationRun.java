package facegate.cli;

import facegate.embed.NormalizationCard;
import facegate.eval.GalleryCalibration;
import facegate.gallery.CohortNormalizer;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.gallery.TemplateCohort;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code calibrate --gallery DIR}: the normalised-score threshold at a FAR from a deployment's own
 * gallery ({@link GalleryCalibration}), written into the model's {@code normalization} card.
 */
final class GalleryCalibrationRun {
  private GalleryCalibrationRun() {}

  /**
   * @param stricterOnly keep the card's threshold when it is higher (so that several galleries,
   *     calibrated in turn, leave the threshold of the strictest)
   * @return the line to print
   */
  static String run(
      Path modelDir,
      Path galleryDir,
      double far,
      Set<String> excludedSources,
      boolean stricterOnly,
      String command) {
    NormalizationCard card = NormalizationCard.required(modelDir);
    TemplateCohort cohort = TemplateCohort.read(card.cohortPath(modelDir)).without(excludedSources);
    NormalizationCard.ModelFacts model = NormalizationCard.facts(modelDir);
    double rawThreshold = model.verifyThreshold();
    GalleryCalibration.Result result;
    try (Gallery gallery =
        HnswGallery.open(galleryDir, GalleryOptions.of(model.name(), model.dimension()))) {
      CohortNormalizer normalizer =
          new CohortNormalizer(gallery, cohort, card.topK(), card.galleryOnlyAt());
      result = GalleryCalibration.calibrate(gallery, normalizer, far, rawThreshold, 500_000);
    }
    String summary =
        String.format(
            Locale.ROOT,
            "gallery %s: normalised threshold %.4f at FAR %.0e (%d of %d impostor pairs accepted);"
                + " the raw threshold %.4f accepts %.4f of them",
            galleryDir,
            result.threshold(),
            far,
            result.acceptedAtThreshold(),
            result.impostorPairs(),
            rawThreshold,
            result.rawThresholdFar());
    if (result.impostorPairs() * far < 1) {
      return summary
          + "; NOT written: "
          + result.impostorPairs()
          + " pairs cannot resolve FAR "
          + far
          + " (need at least "
          + (long) Math.ceil(1 / far)
          + ")";
    }
    if (stricterOnly && card.threshold() != null && card.threshold() >= result.threshold()) {
      return summary + "; kept the stricter " + card.threshold();
    }
    Map<String, String> how = new LinkedHashMap<>();
    how.put("threshold", summary + " excluding cohort sources " + excludedSources);
    how.put("thresholdMeasuredAt", Instant.now().toString());
    how.put("thresholdCommand", command);
    card.withThreshold(result.threshold(), far, how).writeTo(modelDir);
    return summary + "; written to " + modelDir;
  }
}
