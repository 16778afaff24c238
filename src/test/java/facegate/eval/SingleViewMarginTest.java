package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.Embedding;
import facegate.gallery.TemplateCohort;
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

  /**
   * Normalised against the cohort (1, 0), (0, 1) with top 2: a face (x, y) has cohort mean (x + y)
   * / 2 and sd |x - y| / 2. Full pair L = (1, 0) (mean 0.5, sd 0.5), R = (0.6, 0.8) (0.7, 0.1),
   * cosine 0.6: ((0.6 - 0.5) / 0.5 + (0.6 - 0.7) / 0.1) / 2 = -0.4. Single-view left (0.8, 0.6)
   * (0.7, 0.1) against R, cosine 0.96: ((0.96 - 0.7) / 0.1 + (0.96 - 0.7) / 0.1) / 2 = 2.6 (with
   * L's statistics kept it would be 1.76). Single-view right (0, 1) (0.5, 0.5) against L, cosine 0:
   * -1.
   */
  @Test
  void theNormalisedMarginIsMeasuredOnNormalisedScoresWithTheSingleViewsOwnStatistics() {
    PairsEvaluation.Result full = result(unit(1, 0), unit(0.6f, 0.8f), 0.6);
    PairsEvaluation.Result single = result(unit(0.8f, 0.6f), unit(0, 1), 0.0);
    TemplateCohort cohort = new TemplateCohort(List.of(unit(1, 0), unit(0, 1)), List.of("a", "b"));
    SingleViewMargin.Report report =
        SingleViewMargin.measure(full, single, 0.0, 1.0, new NormalizedPairScorer(cohort, 2));
    assertEquals(2, report.combinations());
    assertEquals(3.0, report.margin(), 1e-5, "|2.6 - (-0.4)|");
    assertEquals(1.8, report.meanAbsDifference(), 1e-5, "(3.0 + 0.6) / 2");
    assertEquals(1, report.singleOnlyFlips(), "2.6 accepts where the full -0.4 refuses");
    assertEquals(0, report.flips());
    assertEquals(1.0, report.secondLookRate(), 1e-12, "both single views lie within 3 of 0");
    assertEquals(0.0, report.fullAccuracy(), 1e-12);
    assertEquals(0.5, report.singleOnlyAccuracy(), 1e-12);
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
