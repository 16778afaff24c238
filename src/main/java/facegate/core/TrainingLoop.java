package facegate.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The one training loop: runs steps until {@code maxSteps} or the time budget is spent, and tells
 * its listeners, in the order they were added, after every step ({@link Listener#onStep}) and at
 * every check ({@link Listener#onCheck}: every {@code checkEvery} steps and after the last one).
 * What a run does besides stepping (validation, checkpoints, sample grids, early stopping, collapse
 * detection) lives in listeners; {@link EarlyStopping} and {@link CollapseDetection} are the two
 * every trainer needs. After each check the loop stops when a listener asks it to. A listener that
 * throws ends the run with that exception. JDK types only, so that every trainer may use it.
 *
 * <p>Built DJL-style: {@code TrainingLoop.builder().setMaxSteps(2000).optMaxMinutes(10)
 * .optCheckEvery(100).addListener(...).build().run(step)}.
 */
public final class TrainingLoop {
  private final int startStep;
  private final int maxSteps;
  private final double maxMinutes;
  private final int checkEvery;
  private final List<Listener> listeners;
  private final LongSupplier nanoClock;

  /** One training step (one batch): returns its losses, e.g. {@code {loss, activeFraction}}. */
  @FunctionalInterface
  public interface Step {
    double[] run();
  }

  /**
   * Where a run is after a step.
   *
   * @param step steps done, counting those before {@code startStep} (so 1 after the first step of a
   *     fresh run)
   * @param startStep the step the run started from (0, or a checkpoint's step when resuming)
   * @param maxSteps the step count the run stops at
   * @param losses what this step returned
   * @param trainingSeconds time spent inside steps since the start (checks excluded)
   * @param elapsedSeconds wall time since the start (checks included)
   * @param etaSeconds time left: the remaining steps at the mean pace so far, or the rest of the
   *     time budget, whichever is shorter
   */
  public record Progress(
      int step,
      int startStep,
      int maxSteps,
      double[] losses,
      double trainingSeconds,
      double elapsedSeconds,
      long etaSeconds) {
    public Progress {
      if (step <= startStep || step > maxSteps) {
        throw new IllegalArgumentException(
            "step " + step + " outside (" + startStep + ", " + maxSteps + "]");
      }
      losses = losses.clone();
    }

    /** Steps this run took (since {@code startStep}). */
    public int stepsRun() {
      return step - startStep;
    }

    /** The {@code index}-th value the step returned. */
    public double loss(int index) {
      return losses[index];
    }
  }

  /** Told about a run as it goes; every method does nothing unless overridden. */
  public interface Listener {
    /** After every step. */
    default void onStep(Progress progress) {}

    /** At every check: every {@code checkEvery} steps and after the last step. */
    default void onCheck(Progress progress, boolean last) {}

    /** Asked after every check: whether the run should stop now. */
    default boolean stopRequested() {
      return false;
    }
  }

  /**
   * How a run ended.
   *
   * @param steps the step count reached (including those before {@code startStep})
   * @param stoppedEarly whether a listener stopped it
   * @param trainingSeconds time spent inside steps (0 when no step ran)
   */
  public record Outcome(int steps, boolean stoppedEarly, double trainingSeconds) {}

  private TrainingLoop(Builder builder) {
    this.startStep = builder.startStep;
    this.maxSteps = builder.maxSteps;
    this.maxMinutes = builder.maxMinutes;
    this.checkEvery = builder.checkEvery;
    this.listeners = List.copyOf(builder.listeners);
    this.nanoClock = builder.nanoClock;
  }

  /** A builder; {@code setMaxSteps} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs {@code step} until {@code maxSteps}, the time budget, or a listener's stop. */
  public Outcome run(Step step) {
    long start = nanoClock.getAsLong();
    double trainingSeconds = 0;
    int done = startStep;
    while (done < maxSteps && (nanoClock.getAsLong() - start) / 60e9 < maxMinutes) {
      long stepStart = nanoClock.getAsLong();
      double[] losses = step.run();
      done++;
      long now = nanoClock.getAsLong();
      trainingSeconds += (now - stepStart) / 1e9;
      double elapsedSeconds = (now - start) / 1e9;
      double perStep = elapsedSeconds / (done - startStep);
      long eta =
          Math.round(
              Math.min((maxSteps - done) * perStep, Math.max(0, maxMinutes * 60 - elapsedSeconds)));
      Progress progress =
          new Progress(done, startStep, maxSteps, losses, trainingSeconds, elapsedSeconds, eta);
      for (Listener listener : listeners) {
        listener.onStep(progress);
      }
      boolean last = done >= maxSteps || elapsedSeconds / 60 >= maxMinutes;
      if (done % checkEvery == 0 || last) {
        for (Listener listener : listeners) {
          listener.onCheck(progress, last);
        }
        if (listeners.stream().anyMatch(Listener::stopRequested)) {
          return new Outcome(done, true, trainingSeconds);
        }
      }
    }
    return new Outcome(done, false, trainingSeconds);
  }

  /** Builds a {@link TrainingLoop}. */
  public static final class Builder {
    private int startStep;
    private int maxSteps = -1;
    private double maxMinutes = Double.POSITIVE_INFINITY;
    private int checkEvery = Integer.MAX_VALUE;
    private final List<Listener> listeners = new ArrayList<>();
    private LongSupplier nanoClock = System::nanoTime;

    private Builder() {}

    /** The step count to stop at; required, at least 1. */
    public Builder setMaxSteps(int maxSteps) {
      if (maxSteps < 1) {
        throw new IllegalArgumentException("maxSteps must be at least 1: " + maxSteps);
      }
      this.maxSteps = maxSteps;
      return this;
    }

    /** The step to continue from when resuming (default 0). */
    public Builder optStartStep(int startStep) {
      if (startStep < 0) {
        throw new IllegalArgumentException("startStep must be >= 0: " + startStep);
      }
      this.startStep = startStep;
      return this;
    }

    /** The time budget in minutes (default: none); no step starts after it. */
    public Builder optMaxMinutes(double maxMinutes) {
      if (!(maxMinutes > 0)) {
        throw new IllegalArgumentException("maxMinutes must be positive: " + maxMinutes);
      }
      this.maxMinutes = maxMinutes;
      return this;
    }

    /** Steps between checks (default: only after the last step). */
    public Builder optCheckEvery(int checkEvery) {
      if (checkEvery < 1) {
        throw new IllegalArgumentException("checkEvery must be at least 1: " + checkEvery);
      }
      this.checkEvery = checkEvery;
      return this;
    }

    /** Adds a listener; listeners are told in the order they were added. */
    public Builder addListener(Listener listener) {
      listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The clock, in nanoseconds (default {@link System#nanoTime}); for tests. */
    public Builder optClock(LongSupplier nanoClock) {
      this.nanoClock = java.util.Objects.requireNonNull(nanoClock, "nanoClock");
      return this;
    }

    /** The loop. */
    public TrainingLoop build() {
      if (maxSteps < 1) {
        throw new IllegalStateException("setMaxSteps is required");
      }
      return new TrainingLoop(this);
    }
  }

  /**
   * Early stopping: at every check reads a score (higher is better, e.g. validation accuracy),
   * remembers the best and its step, and asks the loop to stop after {@code patience} checks in a
   * row without improvement. A NaN score never improves. Add it after the listener that computes
   * the score and before those that ask {@link #improved()}.
   */
  public static final class EarlyStopping implements Listener {
    private final int patience;
    private final DoubleSupplier score;
    private double best = Double.NEGATIVE_INFINITY;
    private int bestStep = -1;
    private int sinceBest;
    private boolean improved;

    /**
     * @param patience checks without improvement before stopping; at least 1
     * @param score the score of the current check
     */
    public EarlyStopping(int patience, DoubleSupplier score) {
      if (patience < 1) {
        throw new IllegalArgumentException("patience must be at least 1: " + patience);
      }
      this.patience = patience;
      this.score = java.util.Objects.requireNonNull(score, "score");
    }

    @Override
    public void onCheck(Progress progress, boolean last) {
      double current = score.getAsDouble();
      improved = current > best;
      if (improved) {
        best = current;
        bestStep = progress.step();
        sinceBest = 0;
      } else {
        sinceBest++;
      }
    }

    @Override
    public boolean stopRequested() {
      return sinceBest >= patience;
    }

    /** Whether the latest check set a new best. */
    public boolean improved() {
      return improved;
    }

    /** The best score so far; negative infinity before the first improving check. */
    public double best() {
      return best;
    }

    /** The step of the best score; -1 before the first improving check. */
    public int bestStep() {
      return bestStep;
    }
  }

  /**
   * Collapse detection: after every step, fails the run with an {@link IllegalStateException}
   * ({@code "<name> is NaN at step N"}) when a watched loss is NaN or infinite, before later
   * listeners save anything; with {@link #optSpreadFloor}, also when the embeddings have collapsed
   * (the spread of the batch's pairwise distances, a value the step returns, is below the floor:
   * all distances equal, so no triplet can be told apart).
   */
  public static final class CollapseDetection implements Listener {
    private final List<String> names;
    private int spreadIndex = -1;
    private double spreadFloor;

    /**
     * @param names the names of the losses watched: the first {@code names.length} values a step
     *     returns
     */
    public CollapseDetection(String... names) {
      if (names.length == 0) {
        throw new IllegalArgumentException("watch at least one loss");
      }
      this.names = List.of(names);
    }

    /**
     * Also stop when the value at {@code index} (the embeddings' spread: standard deviation of the
     * pairwise distances in the batch) falls below {@code floor}.
     */
    public CollapseDetection optSpreadFloor(int index, double floor) {
      if (index < 0 || !(floor >= 0)) {
        throw new IllegalArgumentException("index >= 0 and floor >= 0 needed");
      }
      this.spreadIndex = index;
      this.spreadFloor = floor;
      return this;
    }

    @Override
    public void onStep(Progress progress) {
      for (int i = 0; i < names.size(); i++) {
        double value = progress.loss(i);
        if (!Double.isFinite(value)) {
          throw new IllegalStateException(
              names.get(i) + " is " + value + " at step " + progress.step());
        }
      }
      if (spreadIndex >= 0 && !(progress.loss(spreadIndex) >= spreadFloor)) {
        throw new IllegalStateException(
            String.format(
                java.util.Locale.ROOT,
                "embeddings collapsed at step %d: spread of the pairwise distances %.2e is below"
                    + " %.2e (all distances equal); lower the learning rate, raise the"
                    + " distillation weight or warm up longer",
                progress.step(),
                progress.loss(spreadIndex),
                spreadFloor));
      }
    }
  }
}
