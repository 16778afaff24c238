package facegate.cli;

import facegate.embed.ModelCalibration;
import facegate.eval.Calibration;
import facegate.eval.EmbeddingCache;
import facegate.eval.IdentificationEvaluation;
import facegate.eval.IdentificationReport;
import facegate.eval.PairsEvaluation;
import facegate.eval.PairsProtocol;
import facegate.eval.SingleViewMargin;
import facegate.pipeline.FaceRecognizer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calibrate}: measures operating points on a pairs protocol (and optionally on one-shot
 * identification) and writes them into the model's {@code model.json}, keeping everything else.
 */
@Command(
    name = "calibrate",
    description =
        "Writes verifyThreshold, FAR operating points and (with --identify-images) an"
            + " identifyThreshold at an FPIR into the model's model.json.")
final class CalibrateCommand implements Callable<Integer> {
  @Option(names = "--images", description = "Folder with <Name>/<Name>_NNNN.jpg.")
  Path images;

  @Option(names = "--pairs", description = "Pairs file in the LFW format.")
  Path pairs;

  @Option(
      names = "--gallery",
      description =
          "Instead of pairs: calibrate the normalised-score threshold at --normalized-far from this"
              + " gallery folder (every pair of its people is an impostor pair).")
  Path gallery;

  @Option(
      names = "--normalized-far",
      defaultValue = "1e-3",
      description = "FAR of the normalised threshold (default: ${DEFAULT-VALUE}).")
  double normalizedFar;

  @Option(
      names = "--cohort-exclude",
      split = ",",
      description = "Default-cohort sources left out (e.g. the gallery's own data set).")
  java.util.Set<String> cohortExclude = java.util.Set.of();

  @Option(
      names = "--stricter-only",
      description = "With --gallery: keep the model's normalised threshold when it is higher.")
  boolean stricterOnly;

  @Option(
      names = "--far",
      split = ",",
      defaultValue = "1e-3,1e-2",
      description = "False accept rates to record operating points at (default: ${DEFAULT-VALUE}).")
  List<Double> fars;

  @Option(
      names = "--verify-far",
      description =
          "Make the threshold at this FAR the verifyThreshold (default: the mean of the per-fold"
              + " accuracy-optimal thresholds).")
  Double verifyFar;

  @Option(
      names = "--identify-images",
      description =
          "Folder-per-person tree for one-shot identification; sets identifyThreshold at --fpir.")
  Path identifyImages;

  @Option(
      names = "--fpir",
      defaultValue = "0.01",
      description = "False positive identification rate of identifyThreshold (default: 0.01).")
  double fpir;

  @Option(
      names = "--single-view",
      description =
          "Also embed the pairs' images without their mirror image and write singleViewMargin:"
              + " verify re-scores a single-view probe with its mirrored chip only within it of"
              + " the threshold.")
  boolean singleView;

  @Option(
      names = "--normalized-single-view",
      description =
          "Instead of the raw calibration: measure the single-view margin in normalised units on"
              + " --images/--pairs (default cohort, the normalization card's threshold) and write"
              + " it into the card as singleViewMargin; nothing else changes.")
  boolean normalizedSingleView;

  @Option(
      names = "--single-view-quantile",
      defaultValue = "0.999",
      description =
          "singleViewMargin is this quantile of |single-view score - full score| over the pairs"
              + " (default: ${DEFAULT-VALUE}).")
  double singleViewQuantile;

  @Option(names = "--threads", defaultValue = "2", description = "Images embedded at once.")
  int threads;

  @Option(names = "--cache", description = "Embedding cache file (shared with eval).")
  Path cacheFile;

  @Mixin ModelOptions models;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /**
   * The scores calibration is computed from; {@code singleViews}, {@code identification} optional.
   */
  private record Measured(
      PairsEvaluation.Result verification,
      PairsEvaluation.Result singleViews,
      IdentificationReport identification) {
    private Measured {
      java.util.Objects.requireNonNull(verification, "verification");
    }
  }

  @Override
  public Integer call() {
    if (gallery != null) {
      System.out.println(
          GalleryCalibrationRun.run(
              models.model,
              gallery,
              normalizedFar,
              cohortExclude,
              stricterOnly,
              commandLine(spec)));
      return 0;
    }
    if (images == null || pairs == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "calibrate needs --images and --pairs, or --gallery");
    }
    if (normalizedSingleView) {
      System.out.println(
          NormalizedSingleViewRun.run(
              new NormalizedSingleViewRun.Settings(
                  images,
                  pairs,
                  models,
                  cacheFile,
                  threads,
                  singleViewQuantile,
                  cohortExclude,
                  commandLine(spec))));
      return 0;
    }
    Measured measured = measure();
    PairsEvaluation.Result verification = measured.verification();
    ModelCalibration calibration =
        Calibration.verification(
            verification, fars, verifyFar, pairs.toString(), commandLine(spec));
    if (measured.identification() != null) {
      calibration =
          Calibration.withIdentification(
              calibration, measured.identification(), fpir, identifyImages);
    }
    if (measured.singleViews() != null) {
      SingleViewMargin.Report report =
          SingleViewMargin.measure(
              verification,
              measured.singleViews(),
              calibration.verifyThreshold().getAsDouble(),
              singleViewQuantile);
      System.out.println(Calibration.describe(report));
      calibration = Calibration.withSingleView(calibration, report);
    }
    calibration.writeTo(models.model);
    System.out.println(Calibration.describe(models.model, calibration));
    return 0;
  }

  /** Embeds the pairs (and the single views and identification images when asked), with caches. */
  private Measured measure() {
    PairsProtocol protocol = PairsProtocol.read(pairs);
    EmbeddingCache cache = models.cache(cacheFile);
    PairsEvaluation.Result verification;
    PairsEvaluation.Result singleViews = null;
    IdentificationReport identification = null;
    EmbeddingCache singleViewCache =
        cacheFile == null || !singleView
            ? null
            : EmbeddingCache.open(
                cacheFile.resolveSibling(cacheFile.getFileName() + ".single-view"),
                models.fingerprint() + "/single-view");
    try (FaceRecognizer recognizer = models.open(threads)) {
      ProgressBar bar = new ProgressBar(System.err, "pairs", protocol.images(images).size());
      verification =
          PairsEvaluation.run(
              protocol, images, ImageEmbedding.function(recognizer, cache), threads, bar::update);
      if (singleView) {
        ProgressBar singleBar =
            new ProgressBar(System.err, "single view", protocol.images(images).size());
        singleViews =
            PairsEvaluation.run(
                protocol,
                images,
                ImageEmbedding.singleViewFunction(recognizer, singleViewCache),
                threads,
                singleBar::update);
      }
      if (identifyImages != null) {
        IdentificationEvaluation.Protocol people =
            IdentificationEvaluation.protocol(identifyImages);
        ProgressBar identifyBar = new ProgressBar(System.err, "identify", people.imageCount());
        identification =
            IdentificationEvaluation.run(
                people,
                ImageEmbedding.function(recognizer, cache),
                recognizer.verifyThreshold().orElse(1.0),
                threads,
                identifyBar::update);
      }
    } finally {
      if (cache != null) {
        cache.save();
      }
      if (singleViewCache != null) {
        singleViewCache.save();
      }
    }
    return new Measured(verification, singleViews, identification);
  }

  /** {@code facegate <the arguments as given>}. */
  static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
    return "facegate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
