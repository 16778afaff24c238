package facegate.bench;

import java.io.PrintStream;
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

/**
 * The soak workload: everyone enrolled once under their own name, then closed-loop clients mixing
 * enroll of new ids (20%), delete of one of those (10%), verify (40%) and identify (40%) until the
 * time is up. Every answer must be the expected success status; anything else counts as an error.
 * Heap after GC and RSS are sampled every {@code sampleSeconds} and printed as {@code soak t=…}
 * lines.
 */
public final class SoakWorkload {
  private final ApiRequests admin;
  private final Map<String, List<byte[]>> people;
  private final List<String> names;
  private final LoadGenerator client = new LoadGenerator();
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicLong ops = new AtomicLong();
  private final ConcurrentLinkedQueue<String> enrolled = new ConcurrentLinkedQueue<>();
  private final AtomicInteger serial = new AtomicInteger();

  /**
   * What a soak run saw.
   *
   * @param operations requests sent after the seed enrolment
   * @param errors answers that were not the expected status (seed enrolment included)
   * @param answers counts per {@code "<operation> <status>"}, in name order
   * @param memory the memory samples, in time order; at least one
   */
  public record Result(
      long operations, int errors, Map<String, Integer> answers, List<MemorySample> memory) {
    public Result {
      answers = Map.copyOf(new TreeMap<>(answers));
      memory = List.copyOf(memory);
      if (memory.isEmpty()) {
        throw new IllegalArgumentException("a soak run takes at least one memory sample");
      }
    }
  }

  /**
   * @param admin requests as the administrator of the running service
   * @param people photos per person; not empty, each with at least one photo
   */
  public SoakWorkload(ApiRequests admin, Map<String, List<byte[]>> people) {
    if (people.isEmpty()) {
      throw new IllegalArgumentException("the soak needs at least one person's photos");
    }
    this.admin = admin;
    this.people = people;
    this.names = new ArrayList<>(people.keySet());
  }

  /**
   * Runs the workload for {@code seconds} from {@code concurrency} clients, client {@code c}
   * drawing from {@code seed + c}; prints a memory line to {@code out} every {@code sampleSeconds}.
   */
  public Result run(int seconds, int concurrency, int sampleSeconds, long seed, PrintStream out)
      throws InterruptedException {
    for (String name : names) {
      expect(client.send(admin.enroll(name, people.get(name).get(0))), 201, "seed-enroll");
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    for (int c = 0; c < concurrency; c++) {
      Random random = new Random(seed + c);
      clients.submit(
          () -> {
            while (System.nanoTime() < end) {
              operate(random);
            }
            return null;
          });
    }
    clients.shutdown();
    List<MemorySample> samples = new ArrayList<>();
    long start = System.nanoTime();
    while (!clients.awaitTermination(sampleSeconds, TimeUnit.SECONDS)) {
      MemorySample sample = MemorySample.take();
      samples.add(sample);
      out.printf(
          Locale.ROOT,
          "soak t=%.0fs ops=%d errors=%d %s%n",
          (System.nanoTime() - start) / 1e9,
          ops.get(),
          errors.get(),
          sample);
      out.flush();
    }
    samples.add(MemorySample.take());
    synchronized (outcomes) {
      return new Result(ops.get(), errors.get(), outcomes, samples);
    }
  }

  /** One random operation of one client. */
  private void operate(Random random) {
    String name = names.get(random.nextInt(names.size()));
    List<byte[]> photos = people.get(name);
    byte[] photo = photos.get(random.nextInt(photos.size()));
    int roll = random.nextInt(10);
    if (roll < 2) {
      String id = "soak-" + serial.incrementAndGet();
      if (expect(client.send(admin.enroll(id, photo)), 201, "enroll")) {
        enrolled.add(id);
      }
    } else if (roll < 3) {
      String id = enrolled.poll();
      if (id == null) {
        return;
      }
      expect(client.send(admin.delete(id)), 204, "delete");
    } else if (roll < 7) {
      expect(client.send(admin.verify(name, photo)), 200, "verify");
    } else {
      expect(client.send(admin.identify(photo, 5)), 200, "identify");
    }
    ops.incrementAndGet();
  }

  private boolean expect(int status, int expected, String operation) {
    synchronized (outcomes) {
      outcomes.merge(operation + " " + status, 1, Integer::sum);
    }
    if (status != expected) {
      errors.incrementAndGet();
      return false;
    }
    return true;
  }
}
