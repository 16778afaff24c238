package facegate.api;

import facegate.pipeline.LoadSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Batching and back-pressure, under {@code facegate.load.*} (environment {@code
 * FACEGATE_LOAD_MAX_BATCH}, ...). Requests beyond the queues are answered {@code 503 overloaded}
 * with a {@code Retry-After} header, never queued without bound.
 *
 * @param threads threads decoding, detecting and aligning photos (default 2)
 * @param queue photos waiting for those threads before a request is refused (default 32)
 * @param maxBatch most chips per forward pass of the embedding network; a face is two chips, itself
 *     and its mirror image (default 32)
 * @param maxWaitMillis longest a chip waits for others to share its forward pass (default 0: no
 *     waiting)
 * @param embedQueue chips waiting for the embedding network before a request is refused (default
 *     256, at least {@code maxBatch})
 * @param embedWorkers forward passes of the embedding network at once (default 1; at most {@code
 *     facegate.predictors}): with one, chips that arrive during a pass share the next
 * @param retryAfterSeconds the {@code Retry-After} of a 503 answer (default 1)
 */
@ConfigurationProperties("facegate.load")
public record LoadConfiguration(
    @Bindable(defaultValue = "2") @Min(1) @Max(256) int threads,
    @Bindable(defaultValue = "32") @Min(0) @Max(100000) int queue,
    @Bindable(defaultValue = "32") @Min(1) @Max(1024) int maxBatch,
    @Bindable(defaultValue = "0") @Min(0) @Max(10000) long maxWaitMillis,
    @Bindable(defaultValue = "256") @Min(1) @Max(1000000) int embedQueue,
    @Bindable(defaultValue = "1") @Min(1) @Max(64) int embedWorkers,
    @Bindable(defaultValue = "1") @Min(1) @Max(3600) int retryAfterSeconds) {

  /** The pipeline's view of these settings. */
  public LoadSettings settings() {
    return new LoadSettings(threads, queue, maxBatch, maxWaitMillis, embedQueue, embedWorkers);
  }
}
