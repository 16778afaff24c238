package facegate.cli;

import facegate.embed.ModelCalibration;
import facegate.eval.EmbeddingCache;
import facegate.eval.IdentificationEvaluation;
import facegate.eval.IdentificationReport;
import facegate.eval.PairsEvaluation;
import facegate.eval.PairsProtocol;
import facegate.eval.Roc;
import facegate.eval.SingleViewMargin;
import facegate.eval.VerificationReport;
import facegate.pipeline.FaceRecognizer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
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
    PairsProtocol protocol = PairsProtocol.read(pairs);
    EmbeddingCache cache =
        cacheFile == null ? null : EmbeddingCache.open(cacheFile, models.fingerprint());
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
    ModelCalibration calibration =
        calibration(verification, fars, verifyFar, pairs.toString(), commandLine(spec));
    if (identification != null) {
      calibration = withIdentification(calibration, identification, fpir, identifyImages);
    }
    if (singleViews != null) {
      SingleViewMargin.Report report =
          SingleViewMargin.measure(
              verification,
              singleViews,
              calibration.verifyThreshold().getAsDouble(),
              singleViewQuantile);
      System.out.println(describe(report));
      calibration = withSingleView(calibration, report);
    }
    calibration.writeTo(models.model);
    System.out.println(describe(models.model, calibration));
    return 0;
  }

  /**
   * The verification calibration of {@code result}: verifyThreshold (accuracy-optimal, or at {@code
   * verifyFar}) and a {@code far<rate>} operating point per rate.
   */
  static ModelCalibration calibration(
      PairsEvaluation.Result result,
      List<Double> fars,
      Double verifyFar,
      String pairsFile,
      String command) {
    VerificationReport report = result.report();
    Roc roc = Roc.of(result.scores(), result.same());
    Map<String, Double> points = new LinkedHashMap<>();
    for (double far : fars) {
      points.put(rateName("far", far), roc.thresholdAtFar(far));
    }
    double verifyThreshold =
        verifyFar == null ? report.meanThreshold() : roc.thresholdAtFar(verifyFar);
    if (!Double.isFinite(verifyThreshold)) {
      throw new IllegalArgumentException(
          "no finite threshold reaches FAR " + verifyFar + " on " + pairsFile);
    }
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("pairs", pairsFile);
    provenance.put("pairCount", Integer.toString(report.pairs()));
    provenance.put("failures", Integer.toString(report.failures()));
    provenance.put(
        "verifyThresholdMethod",
        verifyFar == null
            ? "mean of per-fold accuracy-optimal thresholds"
            : "lowest threshold with FAR <= " + verifyFar + " over all pairs");
    provenance.put("summary", report.summaryLine());
    provenance.put("measuredAt", Instant.now().toString());
    provenance.put("command", command);
    return new ModelCalibration(
        OptionalDouble.of(verifyThreshold),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        points,
        provenance);
  }

  private static ModelCalibration withIdentification(
      ModelCalibration verification, IdentificationReport report, double fpir, Path people) {
    double threshold = report.openSet().thresholdAtFpir(fpir);
    if (!(threshold >= -1 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "no identification threshold reaches FPIR "
              + fpir
              + " (distractors: "
              + report.distractorProbes()
              + ")");
    }
    Map<String, Double> points = new LinkedHashMap<>(verification.operatingPoints());
    points.put(rateName("fpir", fpir), threshold);
    Map<String, String> provenance = new LinkedHashMap<>(verification.provenance());
    provenance.put("identifyImages", people.toString());
    provenance.put(
        "identifyThresholdMethod",
        "lowest threshold with FPIR <= " + fpir + " (one-shot gallery, single-image distractors)");
    provenance.put(
        "identifySummary",
        String.format(
            Locale.ROOT,
            "rank1=%.4f dir@fpir=%.4f enrolled=%d mates=%d distractors=%d",
            report.rank1(),
            report.openSet().dirAtFpir(fpir),
            report.enrolled(),
            report.mateProbes(),
            report.distractorProbes()));
    return new ModelCalibration(
        verification.verifyThreshold(),
        OptionalDouble.of(threshold),
        verification.singleViewMargin(),
        points,
        provenance);
  }

  private static ModelCalibration withSingleView(
      ModelCalibration calibration, SingleViewMargin.Report report) {
    Map<String, String> provenance = new LinkedHashMap<>(calibration.provenance());
    provenance.put(
        "singleViewMarginMethod",
        "quantile "
            + report.quantile()
            + " of |single-view score - full score| over both probe orders of every pair");
    provenance.put("singleViewSummary", describe(report));
    return new ModelCalibration(
        calibration.verifyThreshold(),
        calibration.identifyThreshold(),
        OptionalDouble.of(report.margin()),
        calibration.operatingPoints(),
        provenance);
  }

  static String describe(SingleViewMargin.Report report) {
    return String.format(
        Locale.ROOT,
        "singleViewMargin=%.4f (quantile %.4f of %d probe-template scores; mean |diff| %.4f, max"
            + " %.4f) cross-validated by fold: second looks %.4f, decisions differing from the"
            + " full embedding's %d (single view alone: %d), accuracy full %.4f / margin rule"
            + " %.4f / single view alone %.4f",
        report.margin(),
        report.quantile(),
        report.combinations(),
        report.meanAbsDifference(),
        report.maxAbsDifference(),
        report.secondLookRate(),
        report.flips(),
        report.singleOnlyFlips(),
        report.fullAccuracy(),
        report.marginAccuracy(),
        report.singleOnlyAccuracy());
  }

  /** {@code far1e-3} for 0.001; a rate that is no power of ten keeps its decimal form. */
  static String rateName(String prefix, double rate) {
    double exponent = -Math.log10(rate);
    if (rate > 0 && Math.abs(exponent - Math.rint(exponent)) < 1e-9 && exponent >= 1) {
      return prefix + "1e-" + (long) Math.rint(exponent);
    }
    return prefix + rate;
  }

  /** The line the calibrating commands print. */
  static String describe(Path model, ModelCalibration calibration) {
    StringBuilder line = new StringBuilder("calibrated ").append(model).append(':');
    calibration
        .verifyThreshold()
        .ifPresent(v -> line.append(String.format(Locale.ROOT, " verifyThreshold=%.4f", v)));
    calibration
        .identifyThreshold()
        .ifPresent(v -> line.append(String.format(Locale.ROOT, " identifyThreshold=%.4f", v)));
    calibration
        .singleViewMargin()
        .ifPresent(v -> line.append(String.format(Locale.ROOT, " singleViewMargin=%.4f", v)));
    calibration
        .operatingPoints()
        .forEach((name, v) -> line.append(String.format(Locale.ROOT, " %s=%.4f", name, v)));
    return line.toString();
  }

  /** {@code facegate <the arguments as given>}. */
  static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
    return "facegate " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
