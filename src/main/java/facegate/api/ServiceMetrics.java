package facegate.api;

import facegate.core.InferenceMetrics;
import facegate.gallery.Gallery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * facegate's own meters, next to Micronaut's request timers ({@code http_server_requests_seconds},
 * a histogram per endpoint):
 *
 * <ul>
 *   <li>{@code facegate_gallery_people}: people enrolled now;
 *   <li>{@code facegate_decisions_total{operation,outcome}}: verify {@code match}/{@code no_match},
 *       identify {@code known}/{@code unknown};
 *   <li>{@code facegate_batch_size{network}}: inputs per inference batch (a histogram);
 *   <li>{@code facegate_queue_depth{queue}}: items waiting in front of a network.
 * </ul>
 *
 * <p>Batch sizes and queue depths arrive through {@link InferenceMetrics}, which batching code
 * calls. Created when the HTTP server starts (so the models load then, and the gauges exist before
 * any request), not when a bare application context starts (configuration tests).
 */
@Singleton
public final class ServiceMetrics
    implements InferenceMetrics, ApplicationEventListener<ServerStartupEvent> {
  private final MeterRegistry registry;
  private final Map<String, DistributionSummary> batches = new ConcurrentHashMap<>();
  private final Map<String, Boolean> queues = new ConcurrentHashMap<>();

  public ServiceMetrics(MeterRegistry registry, Gallery gallery) {
    this.registry = registry;
    Gauge.builder("facegate.gallery.people", gallery, Gallery::size)
        .description("people enrolled in the gallery")
        .register(registry);
    for (String outcome : new String[] {"match", "no_match"}) {
      decisions("verify", outcome);
    }
    for (String outcome : new String[] {"known", "unknown"}) {
      decisions("identify", outcome);
    }
  }

  /** Nothing to do: being created at server startup is the point. */
  @Override
  public void onApplicationEvent(ServerStartupEvent event) {}

  /** Counts one decision, e.g. ({@code verify}, {@code match}). */
  public void decided(String operation, String outcome) {
    decisions(operation, outcome).increment();
  }

  private Counter decisions(String operation, String outcome) {
    return Counter.builder("facegate.decisions")
        .description("recognition decisions by outcome")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void recordBatch(String network, int size) {
    if (size < 1) {
      return;
    }
    batches
        .computeIfAbsent(
            network,
            name ->
                DistributionSummary.builder("facegate.batch.size")
                    .description("inputs per inference batch")
                    .tag("network", name)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(1.0)
                    .maximumExpectedValue(256.0)
                    .register(registry))
        .record(size);
  }

  @Override
  public void registerQueue(String queue, IntSupplier depth) {
    if (queues.putIfAbsent(queue, Boolean.TRUE) == null) {
      Gauge.builder("facegate.queue.depth", depth, IntSupplier::getAsInt)
          .description("items waiting for inference")
          .tag("queue", queue)
          .strongReference(true)
          .register(registry);
    }
  }
}
