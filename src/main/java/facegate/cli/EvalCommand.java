package facegate.cli;

import facegate.embed.ModelCalibration;
import facegate.eval.EmbeddingCache;
import facegate.eval.PairsEvaluation;
import facegate.eval.PairsProtocol;
import facegate.eval.Roc;
import facegate.eval.VerificationReport;
import facegate.pipeline.FaceRecognizer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eval}: scores an LFW-format pairs file over a folder-per-person image tree; the last line
 * printed is the summary {@code accuracy=… tar@far1e-3=… eer=… auc=… pairs=… failures=…}.
 */
@Command(name = "eval", description = "Verification accuracy on an LFW-format pairs file.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--images", required = true, description = "Folder with <Name>/<Name>_NNNN.jpg.")
  Path images;

  @Option(names = "--pairs", required = true, description = "Pairs file in the LFW format.")
  Path pairs;

  @Option(names = "--threads", defaultValue = "2", description = "Images embedded at once.")
  int threads;

  @Option(
      names = "--calibrate",
      description =
          "Write the thresholds found (accuracy-optimal, FAR 1e-3, FAR 1e-2) into the model's"
              + " model.json.")
  boolean calibrate;

  @Option(
      names = "--cache",
      description = "Embedding cache file, reused while the models and pipeline are unchanged.")
  Path cacheFile;

  @Mixin ModelOptions models;

  @Override
  public Integer call() {
    PairsProtocol protocol = PairsProtocol.read(pairs);
    int imageCount = protocol.images(images).size();
    long start = System.nanoTime();
    EmbeddingCache cache =
        cacheFile == null ? null : EmbeddingCache.open(cacheFile, models.fingerprint());
    try (FaceRecognizer recognizer = models.open(threads)) {
      ProgressBar bar = new ProgressBar(System.err, "eval", imageCount);
      PairsEvaluation.Result result =
          PairsEvaluation.run(
              protocol, images, ImageEmbedding.function(recognizer, cache), threads, bar::update);
      VerificationReport report = result.report();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "folds=%d cross-validated=%s accuracy-sd=%.4f mean-threshold=%.4f tar@far1e-2=%.4f"
              + " images=%d seconds=%.1f%n",
          protocol.folds(),
          report.crossValidated(),
          report.accuracyStd(),
          report.meanThreshold(),
          report.tarAtFar1e2(),
          imageCount,
          seconds);
      if (cache != null) {
        cache.save();
      }
      if (calibrate) {
        writeCalibration(result);
      }
      System.out.println(report.summaryLine());
    }
    return 0;
  }

  private void writeCalibration(PairsEvaluation.Result result) {
    VerificationReport report = result.report();
    Roc roc = Roc.of(result.scores(), result.same());
    Map<String, Double> points = new LinkedHashMap<>();
    points.put("far1e-3", roc.thresholdAtFar(1e-3));
    points.put("far1e-2", roc.thresholdAtFar(1e-2));
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("pairs", pairs.toString());
    provenance.put("pairCount", Integer.toString(report.pairs()));
    provenance.put("failures", Integer.toString(report.failures()));
    provenance.put("verifyThresholdMethod", "mean of per-fold accuracy-optimal thresholds");
    provenance.put("summary", report.summaryLine());
    provenance.put("measuredAt", Instant.now().toString());
    provenance.put(
        "command",
        "facegate eval --images "
            + images
            + " --pairs "
            + pairs
            + " --model "
            + models.model
            + " --calibrate");
    ModelCalibration.write(models.model, report.meanThreshold(), points, provenance);
    System.out.printf(
        Locale.ROOT,
        "calibrated %s: verifyThreshold=%.4f far1e-3=%.4f far1e-2=%.4f%n",
        models.model,
        report.meanThreshold(),
        points.get("far1e-3"),
        points.get("far1e-2"));
  }
}
