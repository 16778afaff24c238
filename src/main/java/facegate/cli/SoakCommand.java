package facegate.cli;

import facegate.bench.ApiRequests;
import facegate.bench.MemorySample;
import facegate.bench.PhotoFolder;
import facegate.bench.SoakWorkload;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code soak}: mixed load against the real service on loopback for a while: enroll (new ids),
 * verify, identify and delete, from {@code --concurrency} closed-loop clients. Every answer must be
 * the expected success status. Heap after GC and RSS are sampled every {@code --sample-seconds} and
 * printed. Last line {@code soak_seconds=… ops=… errors=… heap_first_mb=… heap_last_mb=…
 * heap_max_mb=… rss_first_mb=… rss_last_mb=…}; exits 1 on any error.
 */
@Command(
    name = "soak",
    description = "Mixed enroll/verify/identify/delete load on the real server.")
final class SoakCommand implements java.util.concurrent.Callable<Integer> {
  @Option(
      names = "--seconds",
      defaultValue = "600",
      description = "Duration (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--concurrency",
      defaultValue = "4",
      description = "Clients (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--sample-seconds", defaultValue = "30", description = "Memory sampling period.")
  int sampleSeconds;

  @Option(names = "--seed", defaultValue = "11", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--images",
      defaultValue = "src/test/resources/fixtures/lfw",
      description = "Photos, <Name>/<image> (default: ${DEFAULT-VALUE}).")
  Path images;

  @Override
  public Integer call() throws InterruptedException {
    SoakWorkload.Result result;
    try (LocalServer server = LocalServer.start(LocalServer.temporaryGallery(), List.of())) {
      ApiRequests admin = new ApiRequests(server.uri("/"), server.adminKey());
      result =
          new SoakWorkload(admin, PhotoFolder.byPerson(images))
              .run(seconds, concurrency, sampleSeconds, seed, System.out);
    }
    result
        .answers()
        .forEach((key, count) -> System.out.println("soak answer " + key + " x" + count));
    List<MemorySample> samples = result.memory();
    MemorySample first = samples.get(0);
    MemorySample last = samples.get(samples.size() - 1);
    double maxHeap =
        samples.stream().mapToLong(MemorySample::heapAfterGcBytes).max().orElse(0) / 1048576.0;
    System.out.printf(
        Locale.ROOT,
        "soak_seconds=%d ops=%d errors=%d heap_first_mb=%.1f heap_last_mb=%.1f heap_max_mb=%.1f"
            + " rss_first_mb=%.1f rss_last_mb=%.1f%n",
        seconds,
        result.operations(),
        result.errors(),
        first.heapAfterGcBytes() / 1048576.0,
        last.heapAfterGcBytes() / 1048576.0,
        maxHeap,
        first.rssBytes() / 1048576.0,
        last.rssBytes() / 1048576.0);
    return result.errors() == 0 ? 0 : 1;
  }
}
