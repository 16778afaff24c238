package facegate.eval;

import facegate.core.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Verification as binary classification: logistic regression on the pair's features, trained on the
 * pairs of the other folds and tested on each fold in turn (on the fold itself when there is only
 * one, as for the threshold), next to the plain cosine threshold on the same folds. A pair where a
 * face was not found is left out of training and counts as "different" in testing, as it does for
 * the threshold.
 */
public final class PairClassifiers {
  private PairClassifiers() {}

  /** The features a classifier sees for one pair of embeddings. */
  enum Features {
    COSINE("logistic regression on the cosine (1 feature)") {
      @Override
      double[] of(float[] left, float[] right) {
        double dot = 0;
        for (int d = 0; d < left.length; d++) {
          dot += left[d] * right[d];
        }
        return new double[] {dot};
      }
    },
    ABSOLUTE_DIFFERENCE("logistic regression on |f1 − f2| (one feature per dimension)") {
      @Override
      double[] of(float[] left, float[] right) {
        double[] difference = new double[left.length];
        for (int d = 0; d < left.length; d++) {
          difference[d] = Math.abs(left[d] - right[d]);
        }
        return difference;
      }
    };

    final String description;

    Features(String description) {
      this.description = description;
    }

    abstract double[] of(float[] left, float[] right);
  }

  /**
   * One method's accuracy on each test fold.
   *
   * @param method what decides
   * @param foldAccuracies accuracy on each fold, in fold order
   * @param foldPenalties the L2 penalty used on each fold (NaN for the threshold)
   */
  public record MethodResult(String method, double[] foldAccuracies, double[] foldPenalties) {
    public MethodResult {
      if (foldAccuracies.length != foldPenalties.length) {
        throw new IllegalArgumentException("one accuracy and one penalty per fold");
      }
      foldAccuracies = foldAccuracies.clone();
      foldPenalties = foldPenalties.clone();
    }

    @Override
    public double[] foldAccuracies() {
      return foldAccuracies.clone();
    }

    @Override
    public double[] foldPenalties() {
      return foldPenalties.clone();
    }

    public double mean() {
      return VerificationMetrics.mean(foldAccuracies);
    }

    /** Population standard deviation over the folds. */
    public double standardDeviation() {
      return VerificationMetrics.standardDeviation(foldAccuracies);
    }
  }

  /**
   * The cosine threshold (from {@code result}'s report), then logistic regression on the cosine,
   * then on {@code |f1 − f2|}, each with per-fold accuracies on the protocol of {@code result}.
   *
   * @param penalties the L2 penalties to choose from: with one, it is used on every fold; with
   *     more, each test fold's penalty is chosen by an inner cross-validation over its training
   *     folds (leave one training fold out; ties go to the larger penalty). With fewer than two
   *     training folds there is nothing to choose on, and the middle value is used.
   */
  public static List<MethodResult> compare(PairsEvaluation.Result result, double[] penalties) {
    if (penalties.length == 0) {
      throw new IllegalArgumentException("need at least one L2 penalty");
    }
    double[] sorted = penalties.clone();
    java.util.Arrays.sort(sorted);
    List<MethodResult> methods = new ArrayList<>();
    double[] none = new double[result.report().folds()];
    java.util.Arrays.fill(none, Double.NaN);
    methods.add(
        new MethodResult(
            "cosine threshold (chosen on the training folds)",
            result.report().foldAccuracies(),
            none));
    for (Features features : Features.values()) {
      methods.add(crossValidate(result, features, sorted));
    }
    return methods;
  }

  static MethodResult crossValidate(
      PairsEvaluation.Result result, Features features, double[] penalties) {
    int foldCount = result.report().folds();
    int[] folds = result.folds();
    double[][] rows = new double[folds.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = featuresOf(result, features, i);
    }
    boolean[] same = result.same();
    double[] accuracies = new double[foldCount];
    double[] chosen = new double[foldCount];
    for (int fold = 0; fold < foldCount; fold++) {
      int test = fold;
      IntPredicate inTraining = i -> foldCount == 1 || folds[i] != test;
      chosen[fold] = choosePenalty(rows, same, folds, inTraining, penalties);
      LogisticRegression model = train(rows, same, inTraining, chosen[fold]);
      accuracies[fold] = correct(model, rows, same, i -> folds[i] == test);
    }
    return new MethodResult(features.description, accuracies, chosen);
  }

  private static double choosePenalty(
      double[][] rows, boolean[] same, int[] folds, IntPredicate inTraining, double[] penalties) {
    int[] trainingFolds =
        java.util.stream.IntStream.range(0, folds.length)
            .filter(inTraining)
            .map(i -> folds[i])
            .distinct()
            .toArray();
    if (penalties.length == 1 || trainingFolds.length < 2) {
      return penalties[penalties.length / 2];
    }
    double best = penalties[0];
    double bestAccuracy = -1;
    for (double penalty : penalties) {
      double accuracy = 0;
      for (int inner : trainingFolds) {
        IntPredicate fit = i -> inTraining.test(i) && folds[i] != inner;
        LogisticRegression model = train(rows, same, fit, penalty);
        accuracy += correct(model, rows, same, i -> folds[i] == inner);
      }
      if (accuracy >= bestAccuracy) {
        bestAccuracy = accuracy;
        best = penalty;
      }
    }
    return best;
  }

  /** Accuracy over the selected pairs; a pair without features counts as "different". */
  private static double correct(
      LogisticRegression model, double[][] rows, boolean[] same, IntPredicate selected) {
    int correct = 0;
    int total = 0;
    for (int i = 0; i < rows.length; i++) {
      if (selected.test(i)) {
        total++;
        boolean accepted = rows[i] != null && model.probability(rows[i]) >= 0.5;
        correct += accepted == same[i] ? 1 : 0;
      }
    }
    return total == 0 ? 0 : (double) correct / total;
  }

  private static LogisticRegression train(
      double[][] rows, boolean[] same, IntPredicate selected, double l2) {
    List<double[]> x = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      if (selected.test(i) && rows[i] != null) {
        x.add(rows[i]);
        labels.add(same[i]);
      }
    }
    boolean[] y = new boolean[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    return LogisticRegression.fit(x.toArray(double[][]::new), y, l2);
  }

  /** The pair's features, or null when one of its faces was not found. */
  private static double[] featuresOf(PairsEvaluation.Result result, Features features, int pair) {
    Optional<Embedding> left = result.left().get(pair);
    Optional<Embedding> right = result.right().get(pair);
    if (left.isEmpty() || right.isEmpty()) {
      return null;
    }
    return features.of(left.get().values(), right.get().values());
  }
}
