package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSetRatesTest {
  // four mate probes: {rank of the right person (-1: not found), top score}
  private static final List<double[]> MATES =
      List.of(
          new double[] {0, 0.9},
          new double[] {1, 0.8},
          new double[] {-1, 0.7},
          new double[] {0, 0.6});
  private static final double[] DISTRACTORS = {0.5, 0.85, Double.NEGATIVE_INFINITY, 0.65};

  @Test
  void cmcRunsOverEveryRankOfTheGallery() {
    IdentificationReport report = OpenSetRates.report(3, 0, MATES, DISTRACTORS, 0.7, 1);
    // rank 1: probes 0 and 3; rank 2 adds probe 1; probe 2 never
    assertArrayEquals(new double[] {0.5, 0.75, 0.75}, report.cmc(), 1e-12);
    assertEquals(0.5, report.rank1(), 1e-12);
    assertEquals(0.25, report.dirAtThreshold(), 1e-12); // only probe 0 (0.9 >= 0.7, rank 1)
    assertEquals(0.25, report.fpirAtThreshold(), 1e-12); // 0.85
  }

  @Test
  void openSetCurveGoesFromStrictestToLoosest() {
    OpenSetCurve curve = OpenSetRates.curve(MATES, DISTRACTORS);
    // above 0.85: FPIR 0, DIR 1/4 (0.9); above 0.65: 1/4, 1/4; above 0.5: 2/4, 2/4 (0.6 counts);
    // at 0.5: every finite distractor, 3/4
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, curve.fpir(), 1e-12);
    assertArrayEquals(new double[] {0.25, 0.25, 0.5, 0.5}, curve.dir(), 1e-12);
    assertEquals(Math.nextUp(0.85), curve.thresholds()[0]);
    assertEquals(Math.nextUp(0.65), curve.thresholdAtFpir(0.3));
    assertEquals(0.25, curve.dirAtFpir(0.3), 1e-12);
    assertEquals(Math.nextUp(0.85), curve.thresholdAtFpir(0));
  }
}
