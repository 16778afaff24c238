package facegate.train;

/**
 * What a training run produced.
 *
 * @param steps steps taken (including those before a resume)
 * @param bestStep the step of the saved (best validation) weights
 * @param validationAccuracy validation accuracy of the saved weights at their threshold
 * @param threshold the validation accuracy-optimal cosine threshold of the saved weights
 * @param imagesPerSecond training throughput (images per second, validation excluded)
 * @param finalLoss mean loss over the last 20 steps
 * @param finalActiveFraction mean fraction of active triplets over the last 20 steps
 * @param stoppedEarly whether early stopping ended the run
 */
public record TrainingResult(
    int steps,
    int bestStep,
    double validationAccuracy,
    double threshold,
    double imagesPerSecond,
    double finalLoss,
    double finalActiveFraction,
    boolean stoppedEarly) {}
