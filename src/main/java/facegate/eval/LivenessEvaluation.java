package facegate.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Cross-validation of a liveness classifier (logistic regression on the samples' features) by
 * subject, never by frame: neighbouring frames of one person are near-duplicates. Every sample is
 * scored by a model fitted without its subject (leave one subject out). Its decision uses a
 * threshold calibrated without its subject too: on the out-of-fold scores of an inner
 * leave-one-subject-out run over the other subjects, the lowest threshold whose APCER there is at
 * most the target. So the reported APCER and BPCER are of thresholds chosen the way the shipped one
 * is, on data that did not see the subject.
 */
public final class LivenessEvaluation {
  private LivenessEvaluation() {}

  /**
   * What cross-validation measured; arrays are in the order of the samples.
   *
   * @param subjects each sample's subject
   * @param live each sample's label
   * @param scores each sample's out-of-fold score, in [0, 1]
   * @param thresholds the threshold each sample was judged against (calibrated without its subject)
   * @param calibrated the error rates of those decisions
   * @param pooledThreshold the threshold calibrated on all out-of-fold scores (what ships with a
   *     model trained on every subject)
   */
  public record Result(
      String[] subjects,
      boolean[] live,
      double[] scores,
      double[] thresholds,
      LivenessRates calibrated,
      double pooledThreshold) {
    /** Live faces as positives: its far is APCER, 1 - tar is BPCER. */
    public Roc roc() {
      return Roc.of(scores, live);
    }

    /** BPCER at the lowest threshold whose pooled APCER is at most {@code apcer}. */
    public double bpcerAtApcer(double apcer) {
      return 1 - roc().tarAtFar(apcer);
    }
  }

  /**
   * Cross-validates by subject.
   *
   * @param samples at least three subjects, both classes among them
   * @param l2 the logistic regression's penalty, positive
   * @param targetApcer the APCER thresholds are calibrated to, in [0, 1)
   */
  public static Result crossValidate(List<LivenessSample> samples, double l2, double targetApcer) {
    if (!(l2 > 0)) {
      throw new IllegalArgumentException("l2 must be positive, got " + l2);
    }
    return crossValidate(samples, fold -> outOfFold(fold, l2), targetApcer);
  }

  /**
   * Evaluates a fixed scorer (e.g. an imported network) by subject: nothing is fitted, so each
   * sample's score is its only feature; the thresholds are calibrated without the subject as in
   * {@link #crossValidate(List, double, double)}.
   *
   * @param samples at least three subjects, each sample with one feature: its score in [0, 1]
   */
  public static Result crossValidateScores(List<LivenessSample> samples, double targetApcer) {
    for (LivenessSample sample : samples) {
      if (sample.features().length != 1) {
        throw new IllegalArgumentException("expected one score per sample: " + sample.path());
      }
    }
    return crossValidate(
        samples, fold -> fold.stream().mapToDouble(s -> s.features()[0]).toArray(), targetApcer);
  }

  private static Result crossValidate(
      List<LivenessSample> samples,
      Function<List<LivenessSample>, double[]> outOfFold,
      double targetApcer) {
    List<String> subjects = subjects(samples);
    if (subjects.size() < 3 || !(targetApcer >= 0 && targetApcer < 1)) {
      throw new IllegalArgumentException(
          "need at least 3 subjects (got " + subjects.size() + "), APCER in [0, 1)");
    }
    int n = samples.size();
    boolean[] live = labels(samples);
    String[] subjectOf = new String[n];
    for (int i = 0; i < n; i++) {
      subjectOf[i] = samples.get(i).subject();
    }
    double[] scores = outOfFold.apply(samples);
    double[] perSubject =
        subjects.parallelStream()
            .mapToDouble(
                held -> {
                  List<LivenessSample> rest =
                      samples.stream().filter(s -> !s.subject().equals(held)).toList();
                  return threshold(outOfFold.apply(rest), labels(rest), targetApcer);
                })
            .toArray();
    double[] thresholds = new double[n];
    for (int i = 0; i < n; i++) {
      thresholds[i] = perSubject[subjects.indexOf(subjectOf[i])];
    }
    return new Result(
        subjectOf,
        live,
        scores,
        thresholds,
        LivenessRates.of(scores, live, thresholds),
        threshold(scores, live, targetApcer));
  }

  /** The classifier fitted on every sample. */
  public static LogisticRegression fit(List<LivenessSample> samples, double l2) {
    double[][] rows = new double[samples.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = samples.get(i).features();
    }
    return LogisticRegression.fit(rows, labels(samples), l2);
  }

  /** Each sample scored by the classifier fitted on the other subjects' samples. */
  static double[] outOfFold(List<LivenessSample> samples, double l2) {
    List<String> subjects = subjects(samples);
    double[] scores = new double[samples.size()];
    IntStream.range(0, subjects.size())
        .parallel()
        .forEach(
            fold -> {
              String held = subjects.get(fold);
              List<LivenessSample> training = new ArrayList<>();
              for (LivenessSample sample : samples) {
                if (!sample.subject().equals(held)) {
                  training.add(sample);
                }
              }
              LogisticRegression model = fit(training, l2);
              for (int i = 0; i < samples.size(); i++) {
                if (samples.get(i).subject().equals(held)) {
                  scores[i] = model.probability(samples.get(i).features());
                }
              }
            });
    return scores;
  }

  /**
   * A threshold (live when score ≥ it) whose APCER on these scores is at most {@code targetApcer}:
   * halfway between the lowest such score and the next lower score, so that a new live face scoring
   * a little under the lowest accepted one is not refused for that alone; 1 when no score below 1
   * qualifies.
   */
  static double threshold(double[] scores, boolean[] live, double targetApcer) {
    Roc roc = Roc.of(scores, live);
    double[] thresholds = roc.thresholds();
    double[] far = roc.far();
    int lowest = 0;
    for (int i = 0; i < far.length; i++) {
      if (far[i] <= targetApcer) {
        lowest = i;
      }
    }
    double threshold =
        lowest + 1 < thresholds.length
            ? (thresholds[lowest] + thresholds[lowest + 1]) / 2
            : thresholds[lowest];
    return Math.min(1, threshold);
  }

  /** The distinct subjects, sorted. */
  static List<String> subjects(List<LivenessSample> samples) {
    TreeSet<String> subjects = new TreeSet<>();
    samples.forEach(sample -> subjects.add(sample.subject()));
    return List.copyOf(subjects);
  }

  private static boolean[] labels(List<LivenessSample> samples) {
    boolean[] labels = new boolean[samples.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = samples.get(i).live();
    }
    return labels;
  }
}
