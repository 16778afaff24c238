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
  /** The L2 penalty used by {@link #compare}, on standardised features. */
  public static final double DEFAULT_L2 = 1.0;

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
   */
  public record MethodResult(String method, double[] foldAccuracies) {
    public MethodResult {
      foldAccuracies = foldAccuracies.clone();
    }

    @Override
    public double[] foldAccuracies() {
      return foldAccuracies.clone();
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
   */
  public static List<MethodResult> compare(PairsEvaluation.Result result, double l2) {
    List<MethodResult> methods = new ArrayList<>();
    methods.add(
        new MethodResult(
            "cosine threshold (chosen on the training folds)", result.report().foldAccuracies()));
    for (Features features : Features.values()) {
      methods.add(new MethodResult(features.description, crossValidate(result, features, l2)));
    }
    return methods;
  }

  static double[] crossValidate(PairsEvaluation.Result result, Features features, double l2) {
    int foldCount = result.report().folds();
    int[] folds = result.folds();
    double[] accuracies = new double[foldCount];
    for (int fold = 0; fold < foldCount; fold++) {
      int test = fold;
      IntPredicate inTraining = i -> foldCount == 1 || folds[i] != test;
      LogisticRegression model = train(result, features, inTraining, l2);
      int correct = 0;
      int total = 0;
      for (int i = 0; i < folds.length; i++) {
        if (folds[i] == test) {
          total++;
          double[] row = featuresOf(result, features, i);
          boolean accepted = row != null && model.probability(row) >= 0.5;
          correct += accepted == result.same()[i] ? 1 : 0;
        }
      }
      accuracies[fold] = total == 0 ? 0 : (double) correct / total;
    }
    return accuracies;
  }

  private static LogisticRegression train(
      PairsEvaluation.Result result, Features features, IntPredicate selected, double l2) {
    List<double[]> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int i = 0; i < result.scores().length; i++) {
      double[] row = featuresOf(result, features, i);
      if (selected.test(i) && row != null) {
        rows.add(row);
        labels.add(result.same()[i]);
      }
    }
    boolean[] y = new boolean[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    return LogisticRegression.fit(rows.toArray(double[][]::new), y, l2);
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
