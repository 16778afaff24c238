package facegate.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * What a load run saw.
 *
 * @param requests requests sent
 * @param errors answers that were not the expected status (and transport failures)
 * @param statusCounts answers per HTTP status ({@code 0}: no answer)
 * @param latencyMillis every request's latency, sorted
 * @param seconds wall time of the run
 */
public record LoadResult(
    int requests,
    int errors,
    Map<Integer, Integer> statusCounts,
    double[] latencyMillis,
    double seconds) {

  /** The {@code q}-quantile latency (nearest rank), e.g. 0.99; 0 without requests. */
  public double percentileMillis(double q) {
    if (latencyMillis.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * latencyMillis.length) - 1;
    return latencyMillis[Math.max(0, Math.min(latencyMillis.length - 1, rank))];
  }

  /** Requests per second over the run. */
  public double requestsPerSecond() {
    return seconds > 0 ? requests / seconds : 0;
  }

  static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
