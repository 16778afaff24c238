package facegate.cli;

import facegate.bench.ApiRequests;
import facegate.bench.LoadGenerator;
import facegate.bench.MemorySample;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    Map<String, List<byte[]>> people = VerifyBench.photosByPerson(images);
    List<String> names = new ArrayList<>(people.keySet());
    Map<String, Integer> outcomes = new TreeMap<>();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong ops = new AtomicLong();
    List<MemorySample> samples = new ArrayList<>();
    try (LocalServer server = LocalServer.start(VerifyBench.temporaryFolder(), List.of())) {
      ApiRequests admin = new ApiRequests(server.uri("/"), server.adminKey());
      LoadGenerator client = new LoadGenerator();
      // Everyone enrolled once under their own name, so verify always has someone to compare with.
      for (String name : names) {
        expect(
            client.send(admin.enroll(name, people.get(name).get(0))),
            201,
            "seed-enroll",
            outcomes,
            errors);
      }
      ConcurrentLinkedQueue<String> enrolled = new ConcurrentLinkedQueue<>();
      AtomicInteger serial = new AtomicInteger();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService clients = Executors.newFixedThreadPool(concurrency);
      for (int c = 0; c < concurrency; c++) {
        Random random = new Random(seed + c);
        clients.submit(
            () -> {
              while (System.nanoTime() < end) {
                String name = names.get(random.nextInt(names.size()));
                List<byte[]> photos = people.get(name);
                byte[] photo = photos.get(random.nextInt(photos.size()));
                int roll = random.nextInt(10);
                String op;
                HttpRequest request;
                int expected;
                if (roll < 2) {
                  String id = "soak-" + serial.incrementAndGet();
                  op = "enroll";
                  request = admin.enroll(id, photo);
                  expected = 201;
                  if (expect(client.send(request), expected, op, outcomes, errors)) {
                    enrolled.add(id);
                  }
                } else if (roll < 3) {
                  String id = enrolled.poll();
                  if (id == null) {
                    continue;
                  }
                  expect(client.send(admin.delete(id)), 204, "delete", outcomes, errors);
                } else if (roll < 7) {
                  expect(client.send(admin.verify(name, photo)), 200, "verify", outcomes, errors);
                } else {
                  expect(client.send(admin.identify(photo, 5)), 200, "identify", outcomes, errors);
                }
                ops.incrementAndGet();
              }
              return null;
            });
      }
      clients.shutdown();
      long start = System.nanoTime();
      while (!clients.awaitTermination(sampleSeconds, TimeUnit.SECONDS)) {
        MemorySample sample = MemorySample.take();
        samples.add(sample);
        System.out.printf(
            Locale.ROOT,
            "soak t=%.0fs ops=%d errors=%d %s%n",
            (System.nanoTime() - start) / 1e9,
            ops.get(),
            errors.get(),
            sample);
        System.out.flush();
      }
      samples.add(MemorySample.take());
    }
    outcomes.forEach((key, count) -> System.out.println("soak answer " + key + " x" + count));
    MemorySample first = samples.get(0);
    MemorySample last = samples.get(samples.size() - 1);
    double maxHeap =
        samples.stream().mapToLong(MemorySample::heapAfterGcBytes).max().orElse(0) / 1048576.0;
    System.out.printf(
        Locale.ROOT,
        "soak_seconds=%d ops=%d errors=%d heap_first_mb=%.1f heap_last_mb=%.1f heap_max_mb=%.1f"
            + " rss_first_mb=%.1f rss_last_mb=%.1f%n",
        seconds,
        ops.get(),
        errors.get(),
        first.heapAfterGcBytes() / 1048576.0,
        last.heapAfterGcBytes() / 1048576.0,
        maxHeap,
        first.rssBytes() / 1048576.0,
        last.rssBytes() / 1048576.0);
    return errors.get() == 0 ? 0 : 1;
  }

  private static boolean expect(
      int status, int expected, String op, Map<String, Integer> outcomes, AtomicInteger errors) {
    synchronized (outcomes) {
      outcomes.merge(op + " " + status, 1, Integer::sum);
    }
    if (status != expected) {
      errors.incrementAndGet();
      return false;
    }
    return true;
  }
}
