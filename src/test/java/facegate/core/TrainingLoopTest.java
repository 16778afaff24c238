package facegate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {
  /** A clock the steps move: each step takes {@code secondsPerStep}. */
  private static final class FakeClock {
    long nanos;

    double[] step(double secondsPerStep, double... losses) {
      nanos += Math.round(secondsPerStep * 1e9);
      return losses;
    }
  }

  /** Writes "name:step N" and "name:check N[ last]" to a shared log. */
  private record Recorder(String name, List<String> log) implements TrainingLoop.Listener {
    @Override
    public void onStep(TrainingLoop.Progress progress) {
      log.add(name + ":step " + progress.step());
    }

    @Override
    public void onCheck(TrainingLoop.Progress progress, boolean last) {
      log.add(name + ":check " + progress.step() + (last ? " last" : ""));
    }
  }

  @Test
  void listenersHearEveryStepThenEveryCheckInTheOrderTheyWereAdded() {
    List<String> log = new ArrayList<>();
    TrainingLoop.Outcome outcome =
        TrainingLoop.builder()
            .setMaxSteps(5)
            .optCheckEvery(2)
            .addListener(new Recorder("a", log))
            .addListener(new Recorder("b", log))
            .build()
            .run(() -> new double[] {1.0});
    assertEquals(
        List.of(
            "a:step 1",
            "b:step 1",
            "a:step 2",
            "b:step 2",
            "a:check 2",
            "b:check 2",
            "a:step 3",
            "b:step 3",
            "a:step 4",
            "b:step 4",
            "a:check 4",
            "b:check 4",
            "a:step 5",
            "b:step 5",
            "a:check 5 last",
            "b:check 5 last"),
        log);
    assertEquals(5, outcome.steps());
    assertFalse(outcome.stoppedEarly());
  }

  @Test
  void earlyStoppingStopsAfterPatienceChecksWithoutImprovement() {
    double[] scores = {0.5, 0.6, 0.6, 0.55, 0.9};
    int[] check = {0};
    List<Boolean> improvements = new ArrayList<>();
    TrainingLoop.EarlyStopping early = new TrainingLoop.EarlyStopping(2, () -> scores[check[0]++]);
    TrainingLoop.Outcome outcome =
        TrainingLoop.builder()
            .setMaxSteps(100)
            .optCheckEvery(3)
            .addListener(early)
            .addListener(
                new TrainingLoop.Listener() {
                  @Override
                  public void onCheck(TrainingLoop.Progress progress, boolean last) {
                    improvements.add(early.improved());
                  }
                })
            .build()
            .run(() -> new double[] {1.0});
    assertEquals(12, outcome.steps(), "checks at 3, 6, 9, 12; the fourth is the second miss");
    assertTrue(outcome.stoppedEarly());
    assertEquals(List.of(true, true, false, false), improvements);
    assertEquals(0.6, early.best());
    assertEquals(6, early.bestStep());
  }

  @Test
  void collapseDetectionFailsTheRunBeforeLaterListenersSeeTheStep() {
    List<String> log = new ArrayList<>();
    int[] calls = {0};
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                TrainingLoop.builder()
                    .setMaxSteps(10)
                    .optCheckEvery(1)
                    .addListener(new Recorder("before", log))
                    .addListener(new TrainingLoop.CollapseDetection("loss"))
                    .addListener(new Recorder("after", log))
                    .build()
                    .run(() -> new double[] {++calls[0] == 3 ? Double.NaN : 1.0, Double.NaN}));
    assertEquals("loss is NaN at step 3", failure.getMessage());
    assertEquals(3, calls[0]);
    assertEquals("before:step 3", log.get(log.size() - 1));
    assertFalse(log.contains("after:step 3"));
  }

  @Test
  void collapseDetectionWatchesEveryNamedLoss() {
    TrainingLoop loop =
        TrainingLoop.builder()
            .setMaxSteps(3)
            .addListener(new TrainingLoop.CollapseDetection("generator", "discriminator"))
            .build();
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> loop.run(() -> new double[] {1.0, Double.POSITIVE_INFINITY}));
    assertEquals("discriminator is Infinity at step 1", failure.getMessage());
  }

  @Test
  void collapseDetectionStopsWhenAllDistancesAreEqual() {
    int[] calls = {0};
    TrainingLoop loop =
        TrainingLoop.builder()
            .setMaxSteps(10)
            .addListener(new TrainingLoop.CollapseDetection("loss").optSpreadFloor(1, 1e-4))
            .build();
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () -> loop.run(() -> new double[] {0.2, ++calls[0] < 4 ? 0.3 : 0.0}));
    assertTrue(failure.getMessage().startsWith("embeddings collapsed at step 4"));
    assertTrue(failure.getMessage().contains("all distances equal"));
    assertEquals(4, calls[0]);
  }

  @Test
  void collapseDetectionTreatsANaNSpreadAsCollapse() {
    TrainingLoop loop =
        TrainingLoop.builder()
            .setMaxSteps(3)
            .addListener(new TrainingLoop.CollapseDetection("loss").optSpreadFloor(1, 1e-4))
            .build();
    assertThrows(IllegalStateException.class, () -> loop.run(() -> new double[] {0.2, Double.NaN}));
    TrainingLoop healthy =
        TrainingLoop.builder()
            .setMaxSteps(3)
            .addListener(new TrainingLoop.CollapseDetection("loss").optSpreadFloor(1, 1e-4))
            .build();
    assertEquals(3, healthy.run(() -> new double[] {0.2, 1e-3}).steps());
  }

  @Test
  void progressCountsFromTheStartStepAndEstimatesTheTimeLeft() {
    FakeClock clock = new FakeClock();
    List<TrainingLoop.Progress> seen = new ArrayList<>();
    TrainingLoop.Outcome outcome =
        TrainingLoop.builder()
            .setMaxSteps(10)
            .optStartStep(6)
            .optClock(() -> clock.nanos)
            .addListener(
                new TrainingLoop.Listener() {
                  @Override
                  public void onStep(TrainingLoop.Progress progress) {
                    seen.add(progress);
                  }
                })
            .build()
            .run(() -> clock.step(2.0, 0.25));
    assertEquals(10, outcome.steps());
    assertEquals(8.0, outcome.trainingSeconds(), 1e-9);
    assertEquals(4, seen.size());
    TrainingLoop.Progress first = seen.get(0);
    assertEquals(7, first.step());
    assertEquals(1, first.stepsRun());
    assertEquals(0.25, first.loss(0));
    assertEquals(6, first.etaSeconds(), "three steps left at 2 s each");
    assertEquals(0, seen.get(3).etaSeconds());
  }

  @Test
  void theTimeBudgetEndsTheRunWithAFinalCheck() {
    FakeClock clock = new FakeClock();
    List<String> log = new ArrayList<>();
    List<Long> etas = new ArrayList<>();
    TrainingLoop.Outcome outcome =
        TrainingLoop.builder()
            .setMaxSteps(1000)
            .optMaxMinutes(1.0)
            .optClock(() -> clock.nanos)
            .addListener(new Recorder("r", log))
            .addListener(
                new TrainingLoop.Listener() {
                  @Override
                  public void onStep(TrainingLoop.Progress progress) {
                    etas.add(progress.etaSeconds());
                  }
                })
            .build()
            .run(() -> clock.step(25.0, 1.0));
    assertEquals(3, outcome.steps(), "75 s after three steps of 25 s: past the minute");
    assertFalse(outcome.stoppedEarly());
    assertEquals("r:check 3 last", log.get(log.size() - 1));
    assertEquals(List.of(35L, 10L, 0L), etas, "the budget left is shorter than the steps left");
  }

  @Test
  void aResumedRunPastItsLastStepTakesNoStep() {
    int[] calls = {0};
    TrainingLoop.Outcome outcome =
        TrainingLoop.builder()
            .setMaxSteps(5)
            .optStartStep(5)
            .build()
            .run(
                () -> {
                  calls[0]++;
                  return new double[] {1.0};
                });
    assertEquals(0, calls[0]);
    assertEquals(5, outcome.steps());
    assertEquals(0.0, outcome.trainingSeconds());
  }

  @Test
  void theBuilderRejectsAMissingStepCountAndBadSettings() {
    assertThrows(IllegalStateException.class, () -> TrainingLoop.builder().build());
    assertThrows(IllegalArgumentException.class, () -> TrainingLoop.builder().setMaxSteps(0));
    assertThrows(IllegalArgumentException.class, () -> TrainingLoop.builder().optCheckEvery(0));
    assertThrows(IllegalArgumentException.class, () -> TrainingLoop.builder().optMaxMinutes(0));
    assertThrows(
        IllegalArgumentException.class, () -> new TrainingLoop.EarlyStopping(0, () -> 1.0));
  }
}
