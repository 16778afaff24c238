package facegate.train;

/** What the training loop reports as it goes; the CLI draws a progress bar from it. */
public interface TrainingListener {
  /**
   * After each step.
   *
   * @param epoch passes over the training identities so far (fractional)
   * @param imagesPerSecond training images per second since the start (validation excluded)
   * @param etaSeconds estimated time to {@code maxSteps} or the time budget, whichever is first
   */
  void onStep(
      double epoch,
      int step,
      int maxSteps,
      double loss,
      double activeFraction,
      double imagesPerSecond,
      long etaSeconds);

  /** After each validation; {@code improved} when it is the best so far (and was saved). */
  void onValidation(int step, double accuracy, double threshold, boolean improved);

  /** Listens to nothing. */
  TrainingListener NONE =
      new TrainingListener() {
        @Override
        public void onStep(
            double epoch,
            int step,
            int maxSteps,
            double loss,
            double activeFraction,
            double imagesPerSecond,
            long etaSeconds) {}

        @Override
        public void onValidation(int step, double accuracy, double threshold, boolean improved) {}
      };
}
