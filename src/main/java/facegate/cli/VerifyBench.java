package facegate.cli;

import facegate.bench.ApiRequests;
import facegate.bench.LoadGenerator;
import facegate.bench.LoadResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
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
final class VerifyBench {
  private final PrintStream out;

  VerifyBench(PrintStream out) {
    this.out = out;
  }

  /**
   * @return the result per concurrency, in order
   */
  Map<Integer, LoadResult> run(Path images, int[] concurrencies, int requestsPerLevel) {
    Path gallery = temporaryFolder();
    Map<Integer, LoadResult> results = new LinkedHashMap<>();
    try (LocalServer server = LocalServer.start(gallery, List.of())) {
      ApiRequests admin = new ApiRequests(server.uri("/"), server.adminKey());
      ApiRequests verifier = new ApiRequests(server.uri("/"), server.verifierKey());
      LoadGenerator load = new LoadGenerator();
      List<HttpRequest> probes = new ArrayList<>();
      for (Map.Entry<String, List<byte[]>> person : photosByPerson(images).entrySet()) {
        List<byte[]> photos = person.getValue();
        if (photos.size() < 2 || load.send(admin.enroll(person.getKey(), photos.get(0))) != 201) {
          continue;
        }
        for (byte[] photo : photos.subList(1, photos.size())) {
          probes.add(verifier.verify(person.getKey(), photo));
        }
      }
      if (probes.isEmpty()) {
        throw new IllegalArgumentException("no person under " + images + " could be enrolled");
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
    }
    return results;
  }

  /** Photos per person folder, folders and photos in name order. */
  static Map<String, List<byte[]>> photosByPerson(Path images) {
    Map<String, List<byte[]>> byPerson = new LinkedHashMap<>();
    for (Path photo : FixtureEmbeddings.photos(images)) {
      String person = photo.getParent().getFileName().toString();
      byPerson
          .computeIfAbsent(person, name -> new ArrayList<>())
          .addAll(FixtureEmbeddings.read(List.of(photo)));
    }
    return byPerson;
  }

  static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("facegate-bench-gallery");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary gallery folder", e);
    }
  }
}
