package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairClassifiersTest {
  /** A unit vector at {@code degrees} in the plane. */
  private static Optional<Embedding> at(double degrees) {
    double radians = Math.toRadians(degrees);
    return Optional.of(
        Embedding.normalize(new float[] {(float) Math.cos(radians), (float) Math.sin(radians)}));
  }

  @Test
  void classifiersTrainOnTheOtherFoldAndAFailedPairIsDifferent() {
    // two folds of four pairs: same pairs 10-20 degrees apart, different pairs 60-90 apart
    double[] sameAngles = {10, 20, 15, 12};
    double[] differentAngles = {60, 90, 80, 70};
    List<Optional<Embedding>> left = new ArrayList<>();
    List<Optional<Embedding>> right = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int fold = 0; fold < 2; fold++) {
      for (int k = 0; k < 2; k++) {
        left.add(at(0));
        right.add(at(sameAngles[2 * fold + k]));
        labels.add(true);
      }
      for (int k = 0; k < 2; k++) {
        left.add(at(30));
        right.add(at(30 + differentAngles[2 * fold + k]));
        labels.add(false);
      }
    }
    right.set(1, Optional.empty()); // a same pair whose second face was not found
    double[] scores = new double[8];
    boolean[] same = new boolean[8];
    int[] folds = {0, 0, 0, 0, 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      same[i] = labels.get(i);
      scores[i] =
          right.get(i).isPresent()
              ? left.get(i).get().cosine(right.get(i).get())
              : Double.NEGATIVE_INFINITY;
    }
    VerificationReport report = VerificationMetrics.evaluate(scores, same, folds, 2, 1);
    PairsEvaluation.Result result =
        new PairsEvaluation.Result(report, scores, same, folds, left, right);

    List<PairClassifiers.MethodResult> methods =
        PairClassifiers.compare(result, new double[] {0.1});
    assertEquals(3, methods.size());
    assertArrayEquals(report.foldAccuracies(), methods.get(0).foldAccuracies(), 0);
    // fold 0 loses its failed pair (3/4); fold 1 is separated by a model trained on fold 0
    assertArrayEquals(new double[] {0.75, 1.0}, methods.get(1).foldAccuracies(), 1e-12);
    assertArrayEquals(new double[] {0.75, 1.0}, methods.get(2).foldAccuracies(), 1e-12);
    assertEquals(0.875, methods.get(1).mean(), 1e-12);
    assertEquals(0.125, methods.get(1).standardDeviation(), 1e-12);
    assertArrayEquals(new double[] {0.1, 0.1}, methods.get(2).foldPenalties(), 0);
    assertTrue(Double.isNaN(methods.get(0).foldPenalties()[0]));
  }

  @Test
  void thePenaltyIsChosenOnTheTrainingFoldsOnly() {
    // three folds of separable 1-d pairs; every penalty separates them, so ties go to the largest
    List<Optional<Embedding>> left = new ArrayList<>();
    List<Optional<Embedding>> right = new ArrayList<>();
    int n = 12;
    double[] scores = new double[n];
    boolean[] same = new boolean[n];
    int[] folds = new int[n];
    for (int i = 0; i < n; i++) {
      folds[i] = i / 4;
      same[i] = i % 4 < 2;
      left.add(at(0));
      right.add(at(same[i] ? 5 + i : 70 + i));
      scores[i] = left.get(i).get().cosine(right.get(i).get());
    }
    VerificationReport report = VerificationMetrics.evaluate(scores, same, folds, 3, 0);
    PairsEvaluation.Result result =
        new PairsEvaluation.Result(report, scores, same, folds, left, right);
    PairClassifiers.MethodResult cosine =
        PairClassifiers.compare(result, new double[] {10, 0.01, 1}).get(1);
    assertArrayEquals(new double[] {10, 10, 10}, cosine.foldPenalties(), 0);
    assertArrayEquals(new double[] {1, 1, 1}, cosine.foldAccuracies(), 0);
  }
}
