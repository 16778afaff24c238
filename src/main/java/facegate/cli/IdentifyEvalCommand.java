package facegate.cli;

import facegate.eval.EmbeddingCache;
import facegate.eval.HtmlReport;
import facegate.eval.IdentificationEvaluation;
import facegate.eval.IdentificationReport;
import facegate.eval.ReportPages;
import facegate.pipeline.FaceRecognizer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code identify-eval}: one-shot open-set identification over a folder-per-person tree; the last
 * line is {@code rank1=… rank5=… dir@fpir1e-2=… fpir@threshold=… …}.
 */
@Command(
    name = "identify-eval",
    description =
        "One-shot identification: first image of each person enrolled, the others probed;"
            + " single-image people are distractors.")
final class IdentifyEvalCommand implements Callable<Integer> {
  @Option(names = "--images", required = true, description = "Folder with <Name>/<images>.")
  Path images;

  @Option(
      names = "--threshold",
      description =
          "Open-set threshold (default: the model's identifyThreshold, else its"
              + " verifyThreshold).")
  Double threshold;

  @Option(names = "--threads", defaultValue = "2", description = "Images embedded at once.")
  int threads;

  @Option(names = "--cache", description = "Embedding cache file (shared with eval).")
  Path cacheFile;

  @Option(
      names = "--report",
      description = "Folder to write identification.html and its plots (CMC, open-set) into.")
  Path reportDir;

  @Mixin ModelOptions models;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    IdentificationEvaluation.Protocol protocol = IdentificationEvaluation.protocol(images);
    EmbeddingCache cache = models.cache(cacheFile);
    long start = System.nanoTime();
    IdentificationReport report;
    String modelName;
    try (FaceRecognizer recognizer = models.open(threads)) {
      modelName = recognizer.modelName();
      OptionalDouble calibrated =
          recognizer.identifyThreshold().isPresent()
              ? recognizer.identifyThreshold()
              : recognizer.verifyThreshold();
      double operatingThreshold =
          threshold != null
              ? threshold
              : calibrated.orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the model has no calibrated threshold: pass --threshold or run"
                              + " calibrate"));
      ProgressBar bar = new ProgressBar(System.err, "identify", protocol.imageCount());
      report =
          IdentificationEvaluation.run(
              protocol,
              ImageEmbedding.function(recognizer, cache),
              operatingThreshold,
              threads,
              bar::update);
    }
    if (cache != null) {
      cache.save();
    }
    double[] cmc = report.cmc();
    StringBuilder curve = new StringBuilder("cmc");
    for (int rank = 0; rank < Math.min(10, cmc.length); rank++) {
      curve.append(String.format(Locale.ROOT, " r%d=%.4f", rank + 1, cmc[rank]));
    }
    System.out.println(curve);
    System.out.printf(
        Locale.ROOT,
        "threshold@fpir1e-2=%.4f seconds=%.1f%n",
        report.thresholdAtFpir1e2(),
        (System.nanoTime() - start) / 1e9);
    if (reportDir != null) {
      HtmlReport.RunInfo info = models.runInfo(modelName, spec);
      Path page = ReportPages.writeIdentification(reportDir, report, images.toString(), info);
      System.out.println("report " + page);
    }
    System.out.println(report.summaryLine());
    return 0;
  }
}
