package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedStageTest {
  @Test
  void refusesWithOverloadedWhenThreadsAndQueueAreFullAndRunsTheRest() throws Exception {
    ExecutorService callers = Executors.newCachedThreadPool();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (BoundedStage stage = new BoundedStage("test", 1, 1)) {
      Future<Integer> running =
          callers.submit(
              () ->
                  stage.call(
                      () -> {
                        started.countDown();
                        release.await(10, TimeUnit.SECONDS);
                        return 1;
                      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      Future<Integer> queued = callers.submit(() -> stage.call(() -> 2));
      Thread.sleep(100); // let it reach the queue
      FaceException refused = assertThrows(FaceException.class, () -> stage.call(() -> 3));
      assertEquals(ErrorCode.OVERLOADED, refused.errorCode());
      release.countDown();
      assertEquals(1, running.get(10, TimeUnit.SECONDS));
      assertEquals(2, queued.get(10, TimeUnit.SECONDS));
      assertEquals(4, stage.call(() -> 4));
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void passesTheTasksExceptionToTheCaller() {
    try (BoundedStage stage = new BoundedStage("test", 1, 0)) {
      FaceException noFace = new FaceException(ErrorCode.NO_FACE, "none");
      FaceException thrown =
          assertThrows(
              FaceException.class,
              () ->
                  stage.call(
                      () -> {
                        throw noFace;
                      }));
      assertEquals(noFace, thrown);
    }
  }
}
