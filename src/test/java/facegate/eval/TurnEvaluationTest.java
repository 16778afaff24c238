package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.FaceBox;
import facegate.core.FaceKeypoints;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.pose.KeypointYaw;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * {@link TurnEvaluation}'s tallies with fake methods and estimators: a 1×1 chip's red byte is the
 * face's true yaw + 128, its green byte the source's number.
 */
class TurnEvaluationTest {
  private static RgbImage chip(double yawDegrees, int source) {
    return new RgbImage(1, 1, new byte[] {(byte) (Math.round(yawDegrees) + 128), (byte) source, 0});
  }

  private static double trueYaw(RgbImage chip) {
    return chip.channel(0, 0, 0) - 128;
  }

  private static GanViewEvaluation.Face face(double yawDegrees, int source) {
    return new GanViewEvaluation.Face(
        "p" + source, chip(yawDegrees, source), new Landmarks(new double[136]));
  }

  private static final GanViewEvaluation.ChipNetworks NETWORKS =
      new GanViewEvaluation.ChipNetworks() {
        @Override
        public Embedding embed(RgbImage chip) {
          return Embedding.normalize(
              new float[] {1, chip.channel(0, 0, 0) / 255f, chip.channel(0, 0, 1) / 255f});
        }

        @Override
        public Landmarks landmarks(RgbImage chip) {
          throw new AssertionError("the estimators are fakes");
        }
      };

  /** Reads the true yaw. */
  private static final ChipYaw EXACT = chip -> OptionalDouble.of(trueYaw(chip));

  /** Reads half the true yaw and finds no face at |yaw| ≥ 90. */
  private static final ChipYaw HALF_SIGHTED =
      chip ->
          Math.abs(trueYaw(chip)) >= 90
              ? OptionalDouble.empty()
              : OptionalDouble.of(trueYaw(chip) / 2);

  private static TurnEvaluation.Result run() {
    Map<String, TurnEvaluation.Method> methods = new LinkedHashMap<>();
    methods.put("exact", (face, yaw) -> chip(yaw, face.chip().channel(0, 0, 1)));
    methods.put("short", (face, yaw) -> chip(yaw * 2 / 3, face.chip().channel(0, 0, 1)));
    Map<String, ChipYaw> estimators = new LinkedHashMap<>();
    estimators.put("exact", EXACT);
    estimators.put("half-sighted", HALF_SIGHTED);
    return TurnEvaluation.run(
        List.of(face(0, 1), face(0, 2), face(0, 3)),
        List.of(face(90, 1), face(-80, 2), face(50, 12), face(10, 13)),
        methods,
        List.of(-60.0, 30.0, 90.0),
        estimators,
        NETWORKS,
        2,
        done -> {});
  }

  private static TurnEvaluation.PoseHit hit(
      TurnEvaluation.Result result, String method, double yaw, String estimator) {
    return result.rows().stream()
        .filter(r -> r.method().equals(method) && r.yawDegrees() == yaw)
        .findFirst()
        .orElseThrow()
        .poses()
        .get(estimator);
  }

  @Test
  void eachEstimatorScoresEveryViewAndAMissingFaceIsAMiss() {
    TurnEvaluation.Result result = run();
    assertEquals(6, result.rows().size());
    assertEquals(3, result.rows().get(0).views());
    assertEquals(new TurnEvaluation.PoseHit(1, 90, 0), hit(result, "exact", 90, "exact"));
    TurnEvaluation.PoseHit blind = hit(result, "exact", 90, "half-sighted");
    assertEquals(0, blind.hitRate());
    assertEquals(3, blind.noFace());
    assertTrue(Double.isNaN(blind.meanReEstimatedYaw()));
    // half of 30 is 15 off the target: a hit at the boundary; half of -60 is 30 off: a miss
    assertEquals(new TurnEvaluation.PoseHit(1, 15, 0), hit(result, "exact", 30, "half-sighted"));
    assertEquals(new TurnEvaluation.PoseHit(0, -30, 0), hit(result, "exact", -60, "half-sighted"));
    // the short method turns -60 to -40 (20 off: a miss) and 90 to 60
    assertEquals(new TurnEvaluation.PoseHit(0, -40, 0), hit(result, "short", -60, "exact"));
    assertEquals(new TurnEvaluation.PoseHit(0, 30, 0), hit(result, "short", 90, "half-sighted"));
    assertEquals(
        List.of("exact", "half-sighted"), List.copyOf(result.rows().get(0).poses().keySet()));
  }

  @Test
  void realTurnedFacesAreReadByEachEstimator() {
    TurnEvaluation.Result result = run();
    // true |yaw| 90, 80, 50, 10
    assertEquals(
        new TurnEvaluation.RealYaws(4, 0, 57.5, 0.75, 0.25, 0.5), result.real().get("exact"));
    // reads 40, 25, 5 and no face at 90: fractions over all four
    TurnEvaluation.RealYaws halfSighted = result.real().get("half-sighted");
    assertEquals(1, halfSighted.noFace());
    assertEquals(70 / 3.0, halfSighted.meanAbsoluteYaw(), 1e-9);
    assertEquals(0.25, halfSighted.atLeast30());
    assertEquals(0, halfSighted.hitAt60());
    assertEquals(0, halfSighted.hitAt90());
    assertEquals(2, result.grid().size());
    assertEquals(1 + 2 * 3, result.grid().get(0).size());
  }

  @Test
  void linesCarryOneSummaryAndOneColumnGroupPerEstimator() {
    List<String> lines = run().lines();
    assertTrue(lines.get(0).startsWith("real-turned-faces yaw=exact n=4 no-face=0"), lines.get(0));
    assertTrue(lines.get(1).contains("yaw=half-sighted n=4 no-face=1"), lines.get(1));
    assertTrue(
        lines.get(3).startsWith("sources-verified-against-real-turned genuine-pairs=2"),
        lines.get(3));
    assertTrue(lines.get(4).contains("pose hit (±15°, half-sighted)"), lines.get(4));
    assertTrue(lines.get(4).contains("| AUC vs real turned |"), lines.get(4));
    assertTrue(
        lines.get(8).startsWith("| exact | +90 | 3 | 1.00 | 90.0 | 0 | 0.00 | NaN | 3 | "),
        lines.get(8));
  }

  @Test
  void verificationPairsEveryFaceWithEveryRealTurnedFace() {
    // unit vectors in the plane; p1's view matches its first real photo exactly
    List<Embedding> views = List.of(unit(1, 0), unit(0, 1));
    List<Embedding> real = List.of(unit(1, 0), unit(0.6f, 0.8f), unit(0.5f, 0.8660254f));
    TurnEvaluation.Verification v =
        TurnEvaluation.verify(views, List.of("p1", "p2"), real, List.of("p1", "p2", "p1"));
    // genuine: 1 (p1-r0), 0.5 (p1-r2), 0.8 (p2-r1); impostor: 0.6 (p1-r1), 0 (p2-r0), 0.866
    assertEquals(3, v.genuinePairs());
    assertEquals(3, v.impostorPairs());
    assertEquals(2.3 / 3, v.genuineMeanCosine(), 1e-6);
    assertEquals(1.4660254 / 3, v.impostorMeanCosine(), 1e-6);
    // of the 9 genuine-impostor orderings 6 are right: 1 beats all three, 0.8 two, 0.5 one
    assertEquals(6 / 9.0, v.auc(), 1e-9);
    // no impostor may pass: the threshold sits above 0.866, where only the 1 is accepted
    assertEquals(1 / 3.0, v.tarAtFar1e2(), 1e-9);
    TurnEvaluation.Verification none =
        TurnEvaluation.verify(views, List.of("p1", "p2"), real, List.of("p3", "p3", "p3"));
    assertEquals(0, none.genuinePairs());
    assertTrue(Double.isNaN(none.auc()));
    assertTrue(Double.isNaN(none.genuineMeanCosine()));
  }

  @Test
  void viewsAndSourcesAreVerifiedAgainstTheirPeoplesRealTurnedFaces() {
    TurnEvaluation.Result result = run();
    // sources p1, p2, p3 (yaw 0); real turned faces of p1 (90), p2 (-80), p12, p13
    TurnEvaluation.Verification sources = result.sourceVerification();
    assertEquals(2, sources.genuinePairs());
    assertEquals(10, sources.impostorPairs());
    TurnEvaluation.Row exact90 =
        result.rows().stream()
            .filter(r -> r.method().equals("exact") && r.yawDegrees() == 90)
            .findFirst()
            .orElseThrow();
    // p1's +90 view is the very chip of p1's real +90 photo: cosine 1
    double expected = (1 + NETWORKS.embed(chip(90, 2)).cosine(NETWORKS.embed(chip(-80, 2)))) / 2;
    assertEquals(expected, exact90.verification().genuineMeanCosine(), 1e-6);
    assertEquals(2, exact90.verification().genuinePairs());
    assertEquals(10, exact90.verification().impostorPairs());
  }

  private static Embedding unit(float x, float y) {
    return new Embedding(new float[] {x, y});
  }

  @Test
  void needsAnEstimator() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TurnEvaluation.run(
                List.of(face(0, 1)),
                List.of(face(90, 2), face(90, 3)),
                Map.of("exact", (face, yaw) -> face.chip()),
                List.of(30.0),
                Map.of(),
                NETWORKS,
                0,
                done -> {}));
  }

  @Test
  void keypointYawReadsTheDetectorsKeypointsAndMissesWithoutThem() {
    FaceKeypoints turned =
        new FaceKeypoints(new double[] {40, 40, 60, 40, 55, 55, 50, 70, 40, 45, 60, 45});
    FaceBox withKeypoints = new FaceBox(0, 0, 100, 100, 1, FaceBox.View.ANY, turned);
    FaceBox plain = new FaceBox(0, 0, 100, 100, 1, FaceBox.View.ANY);
    KeypointYaw k1 = new KeypointYaw(1);
    RgbImage any = chip(0, 0);
    // nose 5 right of the tragions' midpoint, half distance 10: atan(0.5)
    assertEquals(
        26.5651,
        ChipYaw.keypoints(c -> Optional.of(withKeypoints), k1).yawDegrees(any).getAsDouble(),
        1e-4);
    assertEquals(
        OptionalDouble.empty(), ChipYaw.keypoints(c -> Optional.of(plain), k1).yawDegrees(any));
    assertEquals(
        OptionalDouble.empty(), ChipYaw.keypoints(c -> Optional.empty(), k1).yawDegrees(any));
  }
}
