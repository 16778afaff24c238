package facegate.cli;

import facegate.core.Embedding;
import facegate.embed.ModelCalibration;
import facegate.eval.Calibration;
import facegate.eval.EmbeddingCache;
import facegate.eval.HtmlReport;
import facegate.eval.PairClassifiers;
import facegate.eval.PairsEvaluation;
import facegate.eval.PairsProtocol;
import facegate.eval.PoseGroupAccuracy;
import facegate.eval.ReportPages;
import facegate.eval.VerificationReport;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.PoseTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
              + " model.json (as `calibrate` does with its defaults).")
  boolean calibrate;

  @Option(
      names = "--cache",
      description = "Embedding cache file, reused while the models and pipeline are unchanged.")
  Path cacheFile;

  @Option(
      names = "--report",
      description = "Folder to write verification.html and its plots (ROC, DET, scores) into.")
  Path reportDir;

  @Option(
      names = "--classifier-l2",
      split = ",",
      defaultValue = "0.01,0.1,1,10,100,1000",
      description =
          "L2 penalties of the logistic-regression pair classifiers (standardised features);"
              + " with several, each fold's is chosen by inner cross-validation on its training"
              + " folds (default: ${DEFAULT-VALUE}).")
  double[] classifierL2;

  @Option(
      names = "--pose-table",
      description =
          "Pose table written by `pose`: also print the accuracy per pose group of the pairs"
              + " (frontal-frontal, frontal-half, frontal-profile, ...).")
  Path poseTable;

  @Option(
      names = "--poses",
      description =
          "Pose labels, one line per image 'image<TAB>frontal|half|profile' (CFP's poses.tsv):"
              + " also print the accuracy and detection failures per pose group of the pairs.")
  Path poseLabels;

  @Mixin ModelOptions models;

  @Mixin ProfileAlignmentOptions profileAlignment;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PairsProtocol protocol = PairsProtocol.read(pairs);
    int imageCount = protocol.images(images).size();
    long start = System.nanoTime();
    EmbeddingCache cache = models.cache(cacheFile);
    PairsEvaluation.Result result;
    String modelName;
    try (FaceRecognizer recognizer = models.open(threads)) {
      modelName = recognizer.modelName();
      ProgressBar bar = new ProgressBar(System.err, "eval", imageCount);
      // the cache holds the pipeline's embeddings only, never the experiment's
      Function<Path, Optional<Embedding>> embedding =
          profileAlignment.around(
              recognizer, ImageEmbedding.function(recognizer, cache), poseLabels);
      result = PairsEvaluation.run(protocol, images, embedding, threads, bar::update);
    }
    if (cache != null) {
      cache.save();
    }
    VerificationReport report = result.report();
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
        (System.nanoTime() - start) / 1e9);
    List<PairClassifiers.MethodResult> methods = PairClassifiers.compare(result, classifierL2);
    printFolds(report, methods);
    if (poseTable != null) {
      printPoseGroups(PoseGroupAccuracy.of(protocol, images, result, PoseTable.read(poseTable)));
    }
    if (poseLabels != null) {
      printPoseGroups(PoseGroupAccuracy.ofLabels(protocol, images, result, poseLabels));
      PoseGroupAccuracy.facesFound(protocol, images, result, poseLabels)
          .forEach(
              (label, c) ->
                  System.out.printf(
                      Locale.ROOT,
                      "pose=%s images=%d no-face=%d found=%.4f%n",
                      label,
                      c[0],
                      c[1],
                      (c[0] - c[1]) / (double) c[0]));
    }
    if (calibrate) {
      String command = CalibrateCommand.commandLine(spec);
      ModelCalibration calibration =
          Calibration.verification(result, List.of(1e-3, 1e-2), null, pairs.toString(), command);
      calibration.writeTo(models.model);
      System.out.println(Calibration.describe(models.model, calibration));
    }
    if (reportDir != null) {
      HtmlReport.RunInfo info = models.runInfo(modelName, spec);
      Path page =
          ReportPages.writeVerification(
              reportDir, result, methods, pairs.getFileName().toString(), info);
      System.out.println("report " + page);
    }
    System.out.println(report.summaryLine());
    return 0;
  }

  private static void printPoseGroups(List<PoseGroupAccuracy.Group> groups) {
    System.out.println(
        "| pose group | same pairs | different pairs | pairs with no face | accuracy |"
            + " mean genuine cosine | mean impostor cosine |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (PoseGroupAccuracy.Group g : groups) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d | %.4f | %.4f | %.4f |%n",
          g.name(),
          g.same(),
          g.different(),
          g.failures(),
          g.accuracy(),
          g.genuineMean(),
          g.impostorMean());
    }
  }

  private static void printFolds(
      VerificationReport report, List<PairClassifiers.MethodResult> methods) {
    double[] thresholds = report.foldThresholds();
    double[] accuracies = report.foldAccuracies();
    for (int fold = 0; fold < report.folds(); fold++) {
      System.out.printf(
          Locale.ROOT,
          "fold=%d threshold=%.4f accuracy=%.4f%n",
          fold + 1,
          thresholds[fold],
          accuracies[fold]);
    }
    for (PairClassifiers.MethodResult method : methods) {
      System.out.printf(
          Locale.ROOT,
          "method=\"%s\" accuracy=%.4f sd=%.4f l2=%s%n",
          method.method(),
          method.mean(),
          method.standardDeviation(),
          java.util.Arrays.toString(method.foldPenalties()).replace(" ", ""));
    }
  }
}
