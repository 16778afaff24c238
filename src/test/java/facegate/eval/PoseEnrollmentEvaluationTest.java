package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.Embedding;
import facegate.eval.PoseEnrollmentEvaluation.Band;
import facegate.eval.PoseEnrollmentEvaluation.Enrolled;
import facegate.eval.PoseEnrollmentEvaluation.Probe;
import facegate.eval.PoseEnrollmentEvaluation.Rule;
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
  void theYawMatchedRulesScoreOnlyTheTemplateNearestTheProbesYaw() {
    // ann: photo axis 0, view at -40 axis 2, view at +40 axis 3; bob: photo axis 1, views axis 4, 5
    List<Enrolled> gallery =
        List.of(
            new Enrolled(
                "ann",
                e(1, 0, 0, 0, 0, 0),
                List.of(e(0, 0, 1, 0, 0, 0), e(0, 0, 0, 1, 0, 0)),
                List.of(-40.0, 40.0)),
            new Enrolled(
                "bob",
                e(0, 1, 0, 0, 0, 0),
                List.of(e(0, 0, 0, 0, 1, 0), e(0, 0, 0, 0, 0, 1)),
                List.of(-40.0, 40.0)));
    // ann at -50: 0.6k to her -40 view, 0.8k to bob's +40 view (which the all-views rule takes),
    // 0.1k to bob's photo and 0 to hers (k = 1 / sqrt(1.01))
    Probe turned = new Probe("ann", -50, e(0, 0.1f, 0.6f, 0, 0, 0.8f));
    double k = 1 / Math.sqrt(1.01);
    // bob at 10: nearer 0 than 40, so the photo alone: 0.8 to his photo, 0.6 to ann's +40 view
    Probe frontal = new Probe("bob", 10, e(0, 0.8f, 0, 0.6f, 0, 0));

    List<Band> bands = PoseEnrollmentEvaluation.evaluate(gallery, List.of(turned, frontal));

    // |yaw| >= 45: photo, all views, nearest yaw, photo or nearest view
    assertEquals(List.of(Rule.values()), bands.subList(0, 4).stream().map(Band::rule).toList());
    assertBand(bands.get(0), "|yaw| >= 45", false, 1, 0.0, 0.0);
    assertBand(bands.get(1), "|yaw| >= 45", true, 1, 0.0, 0.6 * k);
    assertBand(bands.get(2), "|yaw| >= 45", true, 1, 1.0, 0.6 * k);
    assertBand(bands.get(3), "|yaw| >= 45", true, 1, 1.0, 0.6 * k);
    // frontal: all views lets ann's +40 view compete (0.6 < 0.8, still right); nearest = photo
    assertBand(bands.get(8), "frontal (|yaw| < 15)", false, 1, 1.0, 0.8);
    assertBand(bands.get(10), "frontal (|yaw| < 15)", true, 1, 1.0, 0.8);
    assertEquals(12, bands.size());
  }

  @Test
  void viewYawsMustMatchTheViews() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Enrolled("ann", e(1, 0), List.of(e(0, 1)), List.of(20.0, 40.0)));
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
