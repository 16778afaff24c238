package facegate.pipeline;

/**
 * How the service spreads work over the machine and when it refuses more (HTTP 503 {@code
 * overloaded}).
 *
 * @param threads threads decoding, detecting and aligning photos in parallel, at least 1
 * @param queue photos waiting for one of those threads, at least 0; one more is refused
 * @param maxBatch most chips per forward pass of the embedding network (a face is two chips: it and
 *     its mirror image), at least 1
 * @param maxWaitMillis longest a chip waits for others before its pass runs, at least 0
 * @param embedQueue most chips waiting for the embedding network, at least {@code maxBatch}; more
 *     are refused
 * @param embedWorkers forward passes of the embedding network running at once, at least 1 (at most
 *     the predictors): one on a CPU, so that chips arriving during a pass share the next one
 */
public record LoadSettings(
    int threads, int queue, int maxBatch, long maxWaitMillis, int embedQueue, int embedWorkers) {
  /**
   * 2 threads, 32 queued photos, batches of up to 32 chips, no wait, 256 queued chips, one pass at
   * a time.
   */
  public static final LoadSettings DEFAULTS = new LoadSettings(2, 32, 32, 0, 256, 1);

  public LoadSettings {
    if (threads < 1
        || queue < 0
        || maxBatch < 1
        || maxWaitMillis < 0
        || embedQueue < maxBatch
        || embedWorkers < 1) {
      throw new IllegalArgumentException(
          "need threads >= 1, queue >= 0, maxBatch >= 1, maxWaitMillis >= 0,"
              + " embedQueue >= maxBatch, embedWorkers >= 1: "
              + this);
    }
  }
}
