package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.Embedding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SingleViewMarginTest {
  @Test
  void crossValidatesTheMarginByFoldAndCountsSecondLooksAndFlips() {
    // threshold 0.5, quantile 0.5 (nearest rank). Fold 0 is judged with fold 1's median |diff|
    // (0.01), fold 1 with fold 0's (0.02).
    SingleViewMargin.Report report =
        SingleViewMargin.measure(
            new int[] {0, 0, 1, 1},
            new boolean[] {true, false, true, false},
            new double[] {0.60, 0.52, 0.51, 0.20},
            new double[] {0.62, 0.48, 0.55, 0.21},
            0.5,
            0.5);
    assertEquals(0.02, report.margin(), 1e-12, "median of 0.01, 0.02, 0.04, 0.04");
    assertEquals(4, report.combinations());
    assertEquals(0.0275, report.meanAbsDifference(), 1e-12);
    assertEquals(0.04, report.maxAbsDifference(), 1e-12);
    // Only 0.51 (fold 1, within 0.02 of 0.5) is re-scored.
    assertEquals(0.25, report.secondLookRate(), 1e-12);
    // 0.52 vs 0.48 (fold 0, outside 0.01) keeps the single view's wrong answer.
    assertEquals(1, report.flips());
    assertEquals(1, report.singleOnlyFlips());
    assertEquals(1.0, report.fullAccuracy(), 1e-12);
    assertEquals(0.75, report.marginAccuracy(), 1e-12);
    assertEquals(0.75, report.singleOnlyAccuracy(), 1e-12);
  }

  @Test
  void eachImageOfAPairIsAProbeAgainstTheOthersFullEmbedding() {
    Embedding left = unit(1, 0), right = unit(0.6f, 0.8f);
    PairsEvaluation.Result full = result(left, right, 0.6);
    // single-view left vs full right: 0.96; single-view right vs full left: 0.0
    PairsEvaluation.Result single = result(unit(0.8f, 0.6f), unit(0, 1), 0.0);
    SingleViewMargin.Report report = SingleViewMargin.measure(full, single, 0.5, 1.0);
    assertEquals(2, report.combinations());
    assertEquals(0.6, report.margin(), 1e-6);
    assertEquals(0.48, report.meanAbsDifference(), 1e-6);
    assertEquals(1, report.singleOnlyFlips(), "0.0 says no where the full 0.6 says yes");
  }

  @Test
  void refusesResultsWithoutFacesOrABadQuantile() {
    PairsEvaluation.Result none =
        new PairsEvaluation.Result(
            null,
            new double[] {Double.NEGATIVE_INFINITY},
            new boolean[] {true},
            new int[] {0},
            List.of(Optional.empty()),
            List.of(Optional.empty()));
    assertThrows(
        IllegalArgumentException.class, () -> SingleViewMargin.measure(none, none, 0.5, 0.9));
    PairsEvaluation.Result one = result(unit(1, 0), unit(1, 0), 1.0);
    assertThrows(IllegalArgumentException.class, () -> SingleViewMargin.measure(one, one, 0.5, 0));
  }

  private static PairsEvaluation.Result result(Embedding left, Embedding right, double score) {
    return new PairsEvaluation.Result(
        null,
        new double[] {score},
        new boolean[] {true},
        new int[] {0},
        List.of(Optional.of(left)),
        List.of(Optional.of(right)));
  }

  private static Embedding unit(float x, float y) {
    return Embedding.normalize(new float[] {x, y});
  }
}
