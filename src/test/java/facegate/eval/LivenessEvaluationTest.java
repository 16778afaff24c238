package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.liveness.TextureLivenessModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivenessEvaluationTest {
  @Test
  void ratesCountAttacksAcceptedAndLiveRefused() {
    double[] scores = {0.9, 0.2, 0.6, 0.4, 0.1};
    boolean[] live = {true, true, false, false, false};
    double[] thresholds = {0.5, 0.5, 0.5, 0.5, 0.5};
    LivenessRates rates = LivenessRates.of(scores, live, thresholds);
    assertEquals(new LivenessRates(3, 1, 2, 1), rates);
    assertEquals(1 / 3.0, rates.apcer(), 1e-12);
    assertEquals(0.5, rates.bpcer(), 1e-12);
    assertEquals((1 / 3.0 + 0.5) / 2, rates.acer(), 1e-12);
    assertTrue(Double.isNaN(new LivenessRates(0, 0, 1, 0).apcer()));
  }

  @Test
  void thresholdLiesBetweenTheLowestAcceptedScoreAndTheNext() {
    double[] scores = {0.9, 0.8, 0.7, 0.3, 0.2, 0.1};
    boolean[] live = {true, true, true, false, false, false};
    assertEquals(0.5, LivenessEvaluation.threshold(scores, live, 0.05), 1e-12);
    // one attack in three may pass: down to 0.3, halfway to 0.2
    assertEquals(0.25, LivenessEvaluation.threshold(scores, live, 0.34), 1e-12);
  }

  @Test
  void aSubjectsScoresDoNotDependOnItsOwnLabels() {
    List<LivenessSample> samples = samples(5, 0.0, 7);
    double[] scores = LivenessEvaluation.outOfFold(samples, 1.0);
    List<LivenessSample> flipped = new ArrayList<>();
    for (LivenessSample s : samples) {
      boolean flip = s.subject().equals("s2");
      flipped.add(new LivenessSample(s.path(), s.subject(), s.live() != flip, s.features()));
    }
    double[] flippedScores = LivenessEvaluation.outOfFold(flipped, 1.0);
    for (int i = 0; i < samples.size(); i++) {
      if (samples.get(i).subject().equals("s2")) {
        assertEquals(scores[i], flippedScores[i], 1e-12, "held-out subject s2 leaked");
      }
    }
  }

  @Test
  void separableClassesCrossValidateWithoutErrors() {
    LivenessEvaluation.Result result =
        LivenessEvaluation.crossValidate(samples(4, 0.0, 11), 1.0, 0.05);
    assertEquals(0, result.calibrated().attacksAccepted());
    assertEquals(0, result.calibrated().bonaFideRefused());
    assertEquals(0, result.bpcerAtApcer(0.01), 1e-12);
    assertEquals(result.scores().length, result.thresholds().length);
  }

  @Test
  void labelNoiseShowsUpAsErrors() {
    LivenessEvaluation.Result result =
        LivenessEvaluation.crossValidate(samples(4, 0.25, 13), 1.0, 0.05);
    assertTrue(result.calibrated().acer() > 0.05, "acer " + result.calibrated().acer());
    assertThrows(
        IllegalArgumentException.class,
        () -> LivenessEvaluation.crossValidate(samples(2, 0.0, 1), 1.0, 0.05));
  }

  @Test
  void fixedScoresAreJudgedAgainstThresholdsCalibratedWithoutTheirSubject() {
    List<LivenessSample> samples = new ArrayList<>();
    String[] subjects = {"a", "b", "c"};
    double[][] liveAndAttack = {{0.9, 0.3}, {0.8, 0.2}, {0.7, 0.85}};
    for (int s = 0; s < 3; s++) {
      samples.add(sample(subjects[s], true, liveAndAttack[s][0]));
      samples.add(sample(subjects[s], false, liveAndAttack[s][1]));
    }
    LivenessEvaluation.Result result = LivenessEvaluation.crossValidateScores(samples, 0.0);
    assertArrayEquals(new double[] {0.9, 0.3, 0.8, 0.2, 0.7, 0.85}, result.scores(), 1e-12);
    // without c: attacks 0.3, 0.2, lowest live score 0.8 -> halfway to 0.3
    assertEquals(0.55, result.thresholds()[4], 1e-12);
    // without a: the attack 0.85 outscores every live face: no threshold below 1 qualifies
    assertEquals(1.0, result.thresholds()[0], 1e-12);
    // without b: lowest live score above every attack 0.9, halfway to the attack 0.85
    assertEquals(0.875, result.thresholds()[2], 1e-12);
    assertEquals(1, result.calibrated().attacksAccepted());
    assertEquals(2, result.calibrated().bonaFideRefused());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LivenessEvaluation.crossValidateScores(
                List.of(new LivenessSample("x", "a", true, new double[] {0.1, 0.2})), 0.0));
  }

  private static LivenessSample sample(String subject, boolean live, double score) {
    return new LivenessSample(subject + live, subject, live, new double[] {score});
  }

  @Test
  void aShippedModelScoresAsTheFittedRegression(@TempDir Path folder) throws Exception {
    int features = TextureLivenessModel.featureCount(1);
    Random random = new Random(3);
    List<LivenessSample> samples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      double[] row = new double[features];
      for (int j = 0; j < features; j++) {
        row[j] = random.nextGaussian() + (j < 3 && i % 2 == 0 ? 1 : 0);
      }
      samples.add(new LivenessSample("f" + i, "s" + (i % 4), i % 2 == 0, row));
    }
    LogisticRegression fitted = LivenessEvaluation.fit(samples, 1.0);
    TextureLivenessModel model =
        new TextureLivenessModel(
            new double[] {1.0},
            64,
            fitted.weights(),
            fitted.bias(),
            fitted.means(),
            fitted.scales(),
            0.5,
            Map.of());
    model.write(folder);
    TextureLivenessModel read = TextureLivenessModel.read(folder);
    for (LivenessSample sample : samples) {
      assertEquals(fitted.probability(sample.features()), read.score(sample.features()), 1e-12);
    }
    assertArrayEquals(new double[] {1.0}, read.cropScales());
  }

  @Test
  void labelsFileIsParsedAndBadLinesAreRefused(@TempDir Path folder) throws Exception {
    Files.writeString(
        folder.resolve(LivenessLabels.FILE_NAME),
        "live/0001/a.jpg\tlive\t0001\t01\n\nphoto/0001/b.jpg\tphoto\t0001\t01\n");
    assertEquals(
        List.of(
            new LivenessLabels("live/0001/a.jpg", true, "0001"),
            new LivenessLabels("photo/0001/b.jpg", false, "0001")),
        LivenessLabels.read(folder));
    FaceException badClass =
        assertThrows(FaceException.class, () -> LivenessLabels.parse("a.jpg\tscreen\t1", "x:1"));
    assertEquals(ErrorCode.DATASET_INVALID, badClass.errorCode());
    assertThrows(FaceException.class, () -> LivenessLabels.parse("a.jpg\tlive", "x:2"));
    assertThrows(FaceException.class, () -> LivenessLabels.read(folder.resolve("missing")));
  }

  /**
   * {@code subjects} subjects of 6 live and 6 attack frames each; feature 0 separates the classes,
   * feature 1 is the subject's own offset; a fraction {@code noise} of labels is flipped.
   */
  private static List<LivenessSample> samples(int subjects, double noise, long seed) {
    Random random = new Random(seed);
    List<LivenessSample> samples = new ArrayList<>();
    for (int s = 0; s < subjects; s++) {
      for (int i = 0; i < 12; i++) {
        boolean live = i % 2 == 0;
        double[] row = {
          (live ? 2 : -2) + 0.3 * random.nextGaussian(), s + 0.1 * random.nextGaussian()
        };
        boolean label = random.nextDouble() < noise ? !live : live;
        samples.add(new LivenessSample("f" + s + "-" + i, "s" + s, label, row));
      }
    }
    return samples;
  }
}
