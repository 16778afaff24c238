package facegate.cli;

import facegate.bench.ApiRequests;
import facegate.bench.FuzzCases;
import facegate.bench.FuzzReport;
import facegate.bench.LoadGenerator;
import facegate.bench.MemorySample;
import facegate.bench.PhotoFolder;
import facegate.bench.RawExchange;
import facegate.core.ErrorCode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fuzz}: seeded malformed requests against the real service on loopback ({@link FuzzCases});
 * every answer must be a 4xx with a stable error code (or a 2xx for input that stayed valid), the
 * server must keep answering, and the heap after GC must not grow. Last line {@code fuzz_cases=…
 * failures=… heap_growth_mb=… server_alive=…}; exits 1 on any failure.
 */
@Command(name = "fuzz", description = "Malformed requests against the real server on loopback.")
final class FuzzCommand implements Callable<Integer> {
  @Option(
      names = "--cases",
      defaultValue = "1000",
      description = "Requests (default: ${DEFAULT-VALUE}).")
  int cases;

  @Option(names = "--seed", defaultValue = "7", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--images",
      defaultValue = "src/test/resources/fixtures/lfw",
      description = "JPEG photos to break (default: ${DEFAULT-VALUE}).")
  Path images;

  @Option(
      names = "--max-heap-growth-mb",
      defaultValue = "64",
      description = "Most heap growth (after GC, warm-up excluded) that passes.")
  double maxHeapGrowthMb;

  @Override
  public Integer call() throws IOException {
    List<byte[]> photos = PhotoFolder.read(PhotoFolder.photos(images));
    FuzzReport report =
        new FuzzReport(
            Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet()));
    MemorySample before;
    MemorySample after;
    boolean alive;
    try (LocalServer server = LocalServer.start(LocalServer.temporaryGallery(), List.of())) {
      ApiRequests admin = new ApiRequests(server.uri("/"), server.adminKey());
      ApiRequests verifier = new ApiRequests(server.uri("/"), server.verifierKey());
      FuzzCases generator = new FuzzCases(admin, verifier, photos, seed);
      LoadGenerator client = new LoadGenerator();
      int warmUp = Math.min(100, cases / 5);
      before = null;
      for (int i = 0; i < cases; i++) {
        if (i == warmUp) {
          before = MemorySample.take();
          System.err.println("[fuzz] after " + warmUp + " warm-up cases: " + before);
        }
        FuzzCases.FuzzCase fuzzCase = generator.next();
        int status;
        String body;
        try {
          if (fuzzCase.kind().equals(FuzzCases.OVERSIZED)) {
            RawExchange.Answer answer =
                RawExchange.headersOnly(
                    server.uri("/"), "/v1/people", server.adminKey(), 13L << 20);
            status = answer.status();
            body = answer.body();
          } else {
            HttpResponse<String> response = client.exchange(fuzzCase.request());
            status = response.statusCode();
            body = response.body();
          }
        } catch (IOException | RuntimeException e) {
          status = 0;
          body = e.toString();
        }
        if (!report.record(fuzzCase, status, body)) {
          System.err.println("[fuzz] FAIL " + fuzzCase.kind() + " -> " + status + " " + body);
        }
      }
      after = MemorySample.take();
      alive = server.isRunning() && client.send(admin.builder("/health").GET().build()) == 200;
    }
    report
        .byStatusAndCode()
        .forEach((key, count) -> System.out.println("fuzz answer " + key + " x" + count));
    report
        .failuresByKind()
        .forEach((key, count) -> System.out.println("fuzz failure " + key + " x" + count));
    double growthMb = (after.heapAfterGcBytes() - before.heapAfterGcBytes()) / 1048576.0;
    System.out.println("fuzz memory before " + before + " after " + after);
    System.out.printf(
        Locale.ROOT,
        "fuzz_cases=%d failures=%d accepted_valid=%d heap_growth_mb=%.1f server_alive=%s%n",
        report.cases(),
        report.failures(),
        report.accepted(),
        growthMb,
        alive);
    return report.failures() == 0 && alive && growthMb <= maxHeapGrowthMb ? 0 : 1;
  }
}
