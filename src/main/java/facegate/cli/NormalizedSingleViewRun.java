package facegate.cli;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.embed.NormalizationCard;
import facegate.eval.Calibration;
import facegate.eval.EmbeddingCache;
import facegate.eval.NormalizedPairScorer;
import facegate.eval.PairsEvaluation;
import facegate.eval.PairsProtocol;
import facegate.eval.SingleViewMargin;
import facegate.gallery.TemplateCohort;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.FoundFace;
import facegate.pipeline.ProbePhoto;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code calibrate --normalized-single-view}: the single-view margin in normalised units, written
 * into the model's normalisation card beside the normalised threshold. Each image of a pairs
 * protocol is embedded as verify embeds a probe (its chip alone, then the mirrored chip added: one
 * detection, two chips), both probe orders of every pair are scored against the default cohort
 * ({@link NormalizedPairScorer}) and the margin is a quantile of |normalised single-view score -
 * normalised full score| ({@link SingleViewMargin}, cross-validated by fold at the card's
 * threshold).
 */
final class NormalizedSingleViewRun {
  private NormalizedSingleViewRun() {}

  /** The calibration's inputs: the pairs, the model, caches (may be null) and the settings. */
  record Settings(
      Path images,
      Path pairs,
      ModelOptions models,
      Path cacheFile,
      int threads,
      double quantile,
      Set<String> excludedSources,
      String command) {}

  /**
   * @return the line to print
   * @throws IllegalArgumentException when the model has no normalisation card or no normalised
   *     threshold
   */
  static String run(Settings settings) {
    Path modelDir = settings.models().model;
    NormalizationCard card = NormalizationCard.required(modelDir);
    if (card.threshold() == null) {
      throw new IllegalArgumentException(
          modelDir + " has no normalised threshold: run `facegate calibrate --gallery DIR` first");
    }
    TemplateCohort cohort =
        TemplateCohort.read(card.cohortPath(modelDir)).without(settings.excludedSources());
    Embedded embedded = embed(settings);
    SingleViewMargin.Report report =
        SingleViewMargin.measure(
            embedded.full(),
            embedded.single(),
            card.threshold(),
            settings.quantile(),
            new NormalizedPairScorer(cohort, card.topK()));
    String summary = Calibration.describe("normalized singleViewMargin", report);
    Map<String, String> how = new LinkedHashMap<>();
    how.put(
        "singleViewMarginMethod",
        "quantile "
            + report.quantile()
            + " of |normalised single-view score - normalised full score| over both probe orders"
            + " of every pair of "
            + settings.pairs()
            + " (default cohort "
            + cohort.size()
            + " templates, empty gallery; decisions at the normalised threshold "
            + card.threshold()
            + ")");
    how.put("singleViewSummary", summary);
    how.put("singleViewMeasuredAt", Instant.now().toString());
    how.put("singleViewCommand", settings.command());
    card.withSingleViewMargin(report.margin(), how).writeTo(modelDir);
    return summary + "; written to " + modelDir;
  }

  /** The pairs scored with the full embeddings and with the single-view ones. */
  private record Embedded(PairsEvaluation.Result full, PairsEvaluation.Result single) {}

  private static Embedded embed(Settings settings) {
    PairsProtocol protocol = PairsProtocol.read(settings.pairs());
    String fingerprint = settings.models().fingerprint() + "/probe";
    Path file = settings.cacheFile();
    EmbeddingCache fullCache = file == null ? null : EmbeddingCache.open(file, fingerprint);
    EmbeddingCache singleCache =
        file == null
            ? null
            : EmbeddingCache.open(
                file.resolveSibling(file.getFileName() + ".single-view"),
                fingerprint + "/single-view");
    Map<Path, Optional<Embedding>> singles = new ConcurrentHashMap<>();
    try (FaceRecognizer recognizer = settings.models().open(settings.threads())) {
      Function<Path, Optional<Embedding>> full =
          path -> {
            Optional<FoundFace> face = singleView(recognizer, path);
            singles.put(path, face.map(FoundFace::embedding));
            return face.map(recognizer::withMirror);
          };
      Function<Path, Optional<Embedding>> single =
          path ->
              singles.containsKey(path)
                  ? singles.get(path)
                  : singleView(recognizer, path).map(FoundFace::embedding);
      PairsEvaluation.Result fullResult = score(protocol, settings, full, fullCache, "pairs");
      PairsEvaluation.Result singleResult =
          score(protocol, settings, single, singleCache, "single view");
      return new Embedded(fullResult, singleResult);
    } finally {
      if (fullCache != null) {
        fullCache.save();
      }
      if (singleCache != null) {
        singleCache.save();
      }
    }
  }

  /** The pairs scored with {@code embedder}'s embeddings, through {@code cache} (may be null). */
  private static PairsEvaluation.Result score(
      PairsProtocol protocol,
      Settings settings,
      Function<Path, Optional<Embedding>> embedder,
      EmbeddingCache cache,
      String label) {
    ProgressBar bar = new ProgressBar(System.err, label, protocol.images(settings.images()).size());
    return PairsEvaluation.run(
        protocol,
        settings.images(),
        cache == null ? embedder : cache.around(embedder),
        settings.threads(),
        bar::update);
  }

  /** The largest face embedded from its chip alone, as verify's first look; empty without one. */
  private static Optional<FoundFace> singleView(FaceRecognizer recognizer, Path path) {
    try {
      return Optional.of(
          recognizer.largestFaceSingleView(ProbePhoto.of(ImageEmbedding.read(path))));
    } catch (FaceException e) {
      if (e.errorCode() == ErrorCode.NO_FACE) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
