package facegate.bench;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verify section of {@code bench}: the real service on loopback, the first photo of each person
 * under the image folder enrolled, then {@code POST /v1/verify} of their other photos at several
 * concurrencies (closed loop). Prints latency percentiles, throughput and errors per concurrency.
 */
public final class VerifyBench {
  private final PrintStream out;

  /** Prints its lines to {@code out}. */
  public VerifyBench(PrintStream out) {
    this.out = out;
  }

  /**
   * @param admin requests as the administrator (enrolls)
   * @param verifier requests as a verifier (the measured verifies)
   * @param people photos per person; the first of each person with at least two is enrolled
   * @return the result per concurrency, in order
   * @throws IllegalArgumentException when nobody could be enrolled
   */
  public Map<Integer, LoadResult> run(
      ApiRequests admin,
      ApiRequests verifier,
      Map<String, List<byte[]>> people,
      int[] concurrencies,
      int requestsPerLevel) {
    Map<Integer, LoadResult> results = new LinkedHashMap<>();
    LoadGenerator load = new LoadGenerator();
    List<HttpRequest> probes = new ArrayList<>();
    for (Map.Entry<String, List<byte[]>> person : people.entrySet()) {
      List<byte[]> photos = person.getValue();
      if (photos.size() < 2 || load.send(admin.enroll(person.getKey(), photos.get(0))) != 201) {
        continue;
      }
      for (byte[] photo : photos.subList(1, photos.size())) {
        probes.add(verifier.verify(person.getKey(), photo));
      }
    }
    if (probes.isEmpty()) {
      throw new IllegalArgumentException(
          "no person among the " + people.size() + " given could be enrolled");
    }
    // Warm-up until the JIT has compiled the request path (with 8 requests, the compiler threads
    // still took 10% of the CPU during the measured levels).
    load.run(Math.min(100, requestsPerLevel), 4, i -> probes.get(i % probes.size()), 200);
    for (int concurrency : concurrencies) {
      LoadResult result =
          load.run(requestsPerLevel, concurrency, i -> probes.get(i % probes.size()), 200);
      results.put(concurrency, result);
      out.printf(
          Locale.ROOT,
          "verify concurrency=%d requests=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f rps=%.2f"
              + " errors=%d statuses=%s%n",
          concurrency,
          result.requests(),
          result.percentileMillis(0.50),
          result.percentileMillis(0.95),
          result.percentileMillis(0.99),
          result.requestsPerSecond(),
          result.errors(),
          result.statusCounts());
      out.flush();
    }
    return results;
  }
}
