package facegate.cli;

import facegate.eval.HtmlReport;
import facegate.eval.LivenessEvaluation;
import facegate.eval.LivenessLabels;
import facegate.eval.LivenessRates;
import facegate.eval.LivenessReport;
import facegate.eval.LogisticRegression;
import facegate.liveness.NetworkLivenessDetector;
import facegate.liveness.TextureLivenessDetector;
import facegate.liveness.TextureLivenessModel;
import facegate.pipeline.FaceRecognizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Cross-validates a liveness check by subject on a labelled folder and writes the report: the
 * texture check (fitted without each subject; with {@code --save}, trained on every subject and
 * stored with the threshold calibrated on the out-of-fold scores) or an imported network (nothing
 * fitted, its thresholds calibrated without each subject the same way).
 */
@Command(
    name = "liveness-eval",
    description =
        "Cross-validate a liveness check by subject on a labelled folder"
            + " (labels.tsv: path, live|photo, subject); --save trains and stores the texture"
            + " model.")
final class LivenessEvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin ModelOptions models;

  @Mixin LivenessNetworkOptions check;

  @Option(names = "--data", required = true, description = "folder with labels.tsv")
  Path data;

  @Option(
      names = "--crop-scales",
      split = ",",
      defaultValue = "1.0,2.0",
      description =
          "crops around the face box, as multiples of its side (default ${DEFAULT-VALUE})")
  double[] cropScales;

  @Option(names = "--crop-size", defaultValue = "64", description = "crop pixels per side")
  int cropSize;

  @Option(names = "--l2", defaultValue = "1.0", description = "logistic regression penalty")
  double l2;

  @Option(
      names = "--target-apcer",
      defaultValue = "0.01",
      description = "APCER the threshold is calibrated to (default ${DEFAULT-VALUE})")
  double targetApcer;

  @Option(names = "--report", defaultValue = "reports/liveness", description = "report folder")
  Path report;

  @Option(names = "--save", description = "train on every subject and store the model here")
  Path save;

  @Option(names = "--threads", defaultValue = "2", description = "parallel frames")
  int threads;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (save != null && !check.texture()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--save stores a texture model; drop it with --network");
    }
    List<LivenessLabels> labels = LivenessLabels.read(data);
    LivenessFrames frames = frames(labels);
    LivenessEvaluation.Result result =
        check.texture()
            ? LivenessEvaluation.crossValidate(frames.samples(), l2, targetApcer)
            : LivenessEvaluation.crossValidateScores(frames.samples(), targetApcer);
    String timing = timing(frames);
    String faces =
        "frames "
            + labels.size()
            + ", no face found in "
            + frames.noFace().size()
            + (frames.noFace().isEmpty() ? "" : ": " + frames.noFace());
    out.println(faces);
    print(out, result);
    out.println(timing);
    String protocol =
        check.texture()
            ? data + ", crops " + Arrays.toString(cropScales) + " @" + cropSize + "px, l2 " + l2
            : data + ", " + check.describe();
    HtmlReport.RunInfo info =
        new HtmlReport.RunInfo(
            check.describe(),
            CalibrateCommand.commandLine(spec),
            Instant.now(),
            HtmlReport.RunInfo.thisMachine());
    out.println(
        "report: " + LivenessReport.write(report, result, protocol, List.of(faces, timing), info));
    writeScores(report.resolve("scores.tsv"), frames, result);
    if (save != null) {
      save(frames, result, info, timing).write(save);
      out.println("model: " + save.resolve(TextureLivenessModel.FILE_NAME));
    }
    out.flush();
    return 0;
  }

  /** Every frame's texture features, or its network score as its one feature. */
  private LivenessFrames frames(List<LivenessLabels> labels) {
    try (FaceRecognizer recognizer = models.open(threads)) {
      if (check.texture()) {
        return LivenessFrames.extract(
            data,
            labels,
            recognizer,
            (image, face) -> TextureLivenessDetector.features(image, face, cropScales, cropSize),
            threads);
      }
      try (NetworkLivenessDetector network = check.open()) {
        return LivenessFrames.extract(
            data,
            labels,
            recognizer,
            (image, face) -> new double[] {network.assess(image, face).score()},
            threads);
      }
    }
  }

  private TextureLivenessModel save(
      LivenessFrames frames,
      LivenessEvaluation.Result result,
      HtmlReport.RunInfo info,
      String timing) {
    LogisticRegression fitted = LivenessEvaluation.fit(frames.samples(), l2);
    LivenessRates rates = result.calibrated();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("protocol", "leave one subject out; thresholds calibrated on the other subjects");
    metrics.put("apcer", rates.apcer());
    metrics.put("bpcer", rates.bpcer());
    metrics.put("acer", rates.acer());
    metrics.put("eer", result.roc().equalErrorRate());
    metrics.put("bpcerAtApcer1", result.bpcerAtApcer(0.01));
    metrics.put("bpcerAtApcer5", result.bpcerAtApcer(0.05));
    metrics.put("timing", timing);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("data", data.toString());
    manifest.put("frames", result.scores().length);
    manifest.put("subjects", Arrays.stream(result.subjects()).distinct().count());
    manifest.put("command", info.command());
    manifest.put("commit", GitCommit.head());
    manifest.put("date", info.date().toString());
    manifest.put("machine", info.machine());
    manifest.put("l2", l2);
    manifest.put(
        "thresholdCalibration",
        "halfway below the lowest pooled out-of-fold score with APCER <= " + targetApcer);
    manifest.put("metrics", metrics);
    return new TextureLivenessModel(
        cropScales,
        cropSize,
        fitted.weights(),
        fitted.bias(),
        fitted.means(),
        fitted.scales(),
        result.pooledThreshold(),
        manifest);
  }

  private static String timing(LivenessFrames frames) {
    return String.format(
        Locale.ROOT,
        "liveness features (or network) ms/face: median %.2f, p95 %.2f; decode+detect ms/frame: median %.1f",
        percentile(frames.featureMillis(), 0.5),
        percentile(frames.featureMillis(), 0.95),
        percentile(frames.detectMillis(), 0.5));
  }

  private void print(PrintWriter out, LivenessEvaluation.Result result) {
    LivenessRates rates = result.calibrated();
    out.printf(
        Locale.ROOT,
        "leave-one-subject-out, thresholds calibrated on the other subjects (APCER %.3f):"
            + " APCER=%.4f (%d/%d) BPCER=%.4f (%d/%d) ACER=%.4f%n",
        targetApcer,
        rates.apcer(),
        rates.attacksAccepted(),
        rates.attacks(),
        rates.bpcer(),
        rates.bonaFideRefused(),
        rates.bonaFide(),
        rates.acer());
    out.printf(
        Locale.ROOT,
        "pooled out-of-fold: EER=%.4f BPCER@APCER1%%=%.4f BPCER@APCER5%%=%.4f threshold=%.4f%n",
        result.roc().equalErrorRate(),
        result.bpcerAtApcer(0.01),
        result.bpcerAtApcer(0.05),
        result.pooledThreshold());
  }

  /** Each frame's out-of-fold score and the threshold it was judged against, one per line. */
  private static void writeScores(
      Path file, LivenessFrames frames, LivenessEvaluation.Result result) throws IOException {
    StringBuilder text = new StringBuilder("path\tsubject\tclass\tscore\tthreshold\n");
    for (int i = 0; i < frames.samples().size(); i++) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s\t%s\t%s\t%.6f\t%.6f%n",
              frames.samples().get(i).path(),
              result.subjects()[i],
              result.live()[i] ? "live" : "photo",
              result.scores()[i],
              result.thresholds()[i]));
    }
    Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
  }

  static double percentile(double[] values, double quantile) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  }
}
