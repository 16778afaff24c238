package facegate.cli;

import facegate.eval.EmbeddingCache;
import facegate.eval.IdentificationEvaluation;
import facegate.eval.IdentificationReport;
import facegate.pipeline.FaceRecognizer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
      description = "Open-set threshold (default: the model's calibrated verifyThreshold).")
  Double threshold;

  @Option(names = "--threads", defaultValue = "2", description = "Images embedded at once.")
  int threads;

  @Option(names = "--cache", description = "Embedding cache file (shared with eval).")
  Path cacheFile;

  @Mixin ModelOptions models;

  @Override
  public Integer call() {
    IdentificationEvaluation.Protocol protocol = IdentificationEvaluation.protocol(images);
    EmbeddingCache cache =
        cacheFile == null ? null : EmbeddingCache.open(cacheFile, models.fingerprint());
    long start = System.nanoTime();
    IdentificationReport report;
    try (FaceRecognizer recognizer = models.open(threads)) {
      double operatingThreshold =
          threshold != null
              ? threshold
              : recognizer
                  .verifyThreshold()
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "the model has no calibrated verifyThreshold: pass --threshold or"
                                  + " run eval --calibrate"));
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
    for (int rank = 0; rank < cmc.length; rank++) {
      curve.append(String.format(Locale.ROOT, " r%d=%.4f", rank + 1, cmc[rank]));
    }
    System.out.println(curve);
    System.out.printf(
        Locale.ROOT,
        "threshold@fpir1e-2=%.4f seconds=%.1f%n",
        report.thresholdAtFpir1e2(),
        (System.nanoTime() - start) / 1e9);
    System.out.println(report.summaryLine());
    return 0;
  }
}
