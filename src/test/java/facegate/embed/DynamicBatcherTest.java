package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  /** Doubles each input and records the batch it came in. */
  private List<Integer> doubling(List<Integer> inputs) {
    batches.add(List.copyOf(inputs));
    return inputs.stream().map(i -> 2 * i).toList();
  }

  @Test
  void concurrentCallersShareBatchesOfAtMostMaxBatch() throws Exception {
    List<Integer> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch firstBatchRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<List<Integer>, List<Integer>> gated = gatedDoubling(firstBatchRunning, release);
    try (DynamicBatcher<Integer, Integer> batcher =
        new DynamicBatcher<>(gated, 4, 10, 64, 1, "test")) {
      batcher.reportBatchSizesTo(reported::add);
      Future<List<Integer>> blocker = callers.submit(() -> batcher.submitAll(List.of(100)));
      assertTrue(firstBatchRunning.await(10, TimeUnit.SECONDS));
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        int input = i;
        results.add(callers.submit(() -> batcher.submitAll(List.of(input))));
      }
      while (batcher.queued() < 10) {
        Thread.sleep(5);
      }
      release.countDown();
      assertEquals(List.of(200), blocker.get(10, TimeUnit.SECONDS));
      for (int i = 0; i < 10; i++) {
        assertEquals(List.of(2 * i), results.get(i).get(10, TimeUnit.SECONDS));
      }
    }
    // 1 blocker batch, then 10 queued inputs in batches of at most 4: 4 + 4 + 2
    assertEquals(List.of(1, 4, 4, 2), batches.stream().map(List::size).toList());
    assertEquals(List.of(1, 4, 4, 2), reported, "batch sizes reported for the metrics");
  }

  @Test
  void aLoneInputRunsAfterMaxWaitWithoutCompanions() throws Exception {
    try (DynamicBatcher<Integer, Integer> batcher =
        new DynamicBatcher<>(this::doubling, 8, 50, 64, 1, "test")) {
      long start = System.nanoTime();
      assertEquals(List.of(6), batcher.submitAll(List.of(3)));
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(waitedMillis >= 45, "ran before max wait: " + waitedMillis + " ms");
    }
    assertEquals(List.of(List.of(3)), batches);
  }

  @Test
  void aFullBatchRunsWithoutWaitingForMaxWait() {
    try (DynamicBatcher<Integer, Integer> batcher =
        new DynamicBatcher<>(this::doubling, 3, 60_000, 64, 1, "test")) {
      assertEquals(List.of(2, 4, 6), batcher.submitAll(List.of(1, 2, 3)));
    }
    assertEquals(List.of(List.of(1, 2, 3)), batches);
  }

  @Test
  void aFullQueueRefusesWithOverloadedAndQueuesNothingOfTheCall() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<List<Integer>, List<Integer>> gated = gatedDoubling(running, release);
    try (DynamicBatcher<Integer, Integer> batcher =
        new DynamicBatcher<>(gated, 2, 0, 4, 1, "test")) {
      Future<List<Integer>> running1 = callers.submit(() -> batcher.submitAll(List.of(1)));
      assertTrue(running.await(10, TimeUnit.SECONDS));
      Future<List<Integer>> waiting = callers.submit(() -> batcher.submitAll(List.of(2, 3, 4)));
      while (batcher.queued() < 3) {
        Thread.sleep(5);
      }
      FaceException refused =
          assertThrows(FaceException.class, () -> batcher.submitAll(List.of(5, 6)));
      assertEquals(ErrorCode.OVERLOADED, refused.errorCode());
      assertEquals(3, batcher.queued(), "a refused call must leave nothing queued");
      release.countDown();
      assertEquals(List.of(2), running1.get(10, TimeUnit.SECONDS));
      assertEquals(List.of(4, 6, 8), waiting.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aFailingBatchFailsEveryCallerInIt() throws Exception {
    IllegalStateException failure = new IllegalStateException("network failed");
    CountDownLatch gate = new CountDownLatch(1);
    Function<List<Integer>, List<Integer>> failing =
        inputs -> {
          await(gate);
          batches.add(List.copyOf(inputs));
          throw failure;
        };
    try (DynamicBatcher<Integer, Integer> batcher =
        new DynamicBatcher<>(failing, 8, 200, 64, 1, "test")) {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int input = i;
        results.add(callers.submit(() -> batcher.submitAll(List.of(input))));
      }
      gate.countDown();
      for (Future<List<Integer>> result : results) {
        Throwable thrown =
            assertThrows(
                java.util.concurrent.ExecutionException.class,
                () -> result.get(10, TimeUnit.SECONDS));
        assertSame(failure, thrown.getCause());
      }
    }
    assertEquals(3, batches.stream().mapToInt(List::size).sum());
  }

  @Test
  void closeFinishesQueuedWorkThenRefusesNewCalls() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<List<Integer>, List<Integer>> gated = gatedDoubling(running, release);
    DynamicBatcher<Integer, Integer> batcher = new DynamicBatcher<>(gated, 2, 0, 16, 1, "test");
    Future<List<Integer>> first = callers.submit(() -> batcher.submitAll(List.of(1)));
    assertTrue(running.await(10, TimeUnit.SECONDS));
    Future<List<Integer>> queued = callers.submit(() -> batcher.submitAll(List.of(2, 3, 4)));
    while (batcher.queued() < 3) {
      Thread.sleep(5);
    }
    Future<?> closing = callers.submit(batcher::close);
    Thread.sleep(50);
    FaceException refused = assertThrows(FaceException.class, () -> batcher.submitAll(List.of(9)));
    assertEquals(ErrorCode.OVERLOADED, refused.errorCode());
    release.countDown();
    closing.get(10, TimeUnit.SECONDS);
    assertEquals(List.of(2), first.get(10, TimeUnit.SECONDS));
    assertEquals(List.of(4, 6, 8), queued.get(10, TimeUnit.SECONDS));
  }

  @Test
  void rejectsInvalidSettings() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DynamicBatcher<Integer, Integer>(this::doubling, 0, 5, 8, 1, "test"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DynamicBatcher<Integer, Integer>(this::doubling, 8, 5, 4, 1, "test"));
  }

  /** Doubles each input once {@code release} opens; counts {@code started} down first. */
  private Function<List<Integer>, List<Integer>> gatedDoubling(
      CountDownLatch started, CountDownLatch release) {
    return inputs -> {
      started.countDown();
      await(release);
      return doubling(inputs);
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
