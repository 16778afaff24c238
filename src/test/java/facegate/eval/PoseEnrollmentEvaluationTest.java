package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.Embedding;
import facegate.eval.PoseEnrollmentEvaluation.Band;
import facegate.eval.PoseEnrollmentEvaluation.Enrolled;
import facegate.eval.PoseEnrollmentEvaluation.Probe;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoseEnrollmentEvaluationTest {
  private static Embedding e(float... v) {
    return Embedding.normalize(v);
  }

  @Test
  void aTurnedProbeMatchedOnlyByAPoseViewCountsOnlyWithViews() {
    // ann's photo is axis 0, her view axis 2; bob's photo axis 1, his view axis 3
    List<Enrolled> gallery =
        List.of(
            new Enrolled("ann", e(1, 0, 0, 0), List.of(e(0, 0, 1, 0))),
            new Enrolled("bob", e(0, 1, 0, 0), List.of(e(0, 0, 0, 1))));
    // ann turned: closer to bob's photo (0.6) than to hers (0.0), but 0.8 to her view
    Probe turned = new Probe("ann", -50, e(0, 0.6f, 0.8f, 0));
    // bob frontal: his photo
    Probe frontal = new Probe("bob", 5, e(0, 1, 0, 0));
    List<Band> bands = PoseEnrollmentEvaluation.evaluate(gallery, List.of(turned, frontal));

    // |yaw| >= 45, then all turned, then frontal; photo only, then with views
    assertEquals(6, bands.size());
    assertBand(bands.get(0), "|yaw| >= 45", false, 1, 0.0, 0.0);
    assertBand(bands.get(1), "|yaw| >= 45", true, 1, 1.0, 0.8);
    assertBand(bands.get(2), "all turned (|yaw| >= 25)", false, 1, 0.0, 0.0);
    assertBand(bands.get(3), "all turned (|yaw| >= 25)", true, 1, 1.0, 0.8);
    assertBand(bands.get(4), "frontal (|yaw| < 15)", false, 1, 1.0, 1.0);
    assertBand(bands.get(5), "frontal (|yaw| < 15)", true, 1, 1.0, 1.0);
  }

  @Test
  void refusesProbesOfPeopleNotEnrolled() {
    List<Enrolled> gallery = List.of(new Enrolled("ann", e(1, 0), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PoseEnrollmentEvaluation.evaluate(gallery, List.of(new Probe("eve", 30, e(0, 1)))));
  }

  private static void assertBand(
      Band band, String name, boolean withViews, int probes, double rank1, double genuine) {
    assertEquals(name, band.band());
    assertEquals(withViews, band.withViews());
    assertEquals(probes, band.probes());
    assertEquals(rank1, band.rank1(), 1e-9);
    assertEquals(genuine, band.meanGenuine(), 1e-6);
  }
}
