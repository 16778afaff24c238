package facegate.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Closed-loop HTTP load over {@code java.net.http}: {@code concurrency} threads each send a
 * request, wait for its answer and send the next, until {@code requests} were sent in all.
 */
public final class LoadGenerator {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * Sends {@code requests} requests ({@code request.apply(i)} for i = 0..requests-1).
   *
   * @param expectedStatus the status a correct answer has; others count as errors
   */
  public LoadResult run(
      int requests, int concurrency, IntFunction<HttpRequest> request, int expectedStatus) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    double[] latencies = new double[requests];
    Map<Integer, Integer> statuses = new TreeMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    try {
      Future<?>[] workers = new Future<?>[concurrency];
      for (int w = 0; w < concurrency; w++) {
        workers[w] =
            threads.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < requests) {
                    long sent = System.nanoTime();
                    int status = send(request.apply(i));
                    latencies[i] = (System.nanoTime() - sent) / 1e6;
                    synchronized (statuses) {
                      statuses.merge(status, 1, Integer::sum);
                    }
                    if (status != expectedStatus) {
                      errors.incrementAndGet();
                    }
                  }
                });
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("load thread failed", e.getCause());
    } finally {
      threads.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new LoadResult(requests, errors.get(), statuses, LoadResult.sorted(latencies), seconds);
  }

  /** The answer's status; 0 when no answer came (connection refused, reset, timeout). */
  public int send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** The answer (status and body); throws on a transport failure. */
  public HttpResponse<String> exchange(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
