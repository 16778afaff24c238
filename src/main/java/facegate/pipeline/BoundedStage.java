package facegate.pipeline;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads with a bounded queue in front: a task that finds the queue full fails
 * at once with {@code overloaded} instead of waiting. The caller blocks until its task is done and
 * gets its result or its exception.
 */
final class BoundedStage implements AutoCloseable {
  private final ThreadPoolExecutor executor;

  BoundedStage(String name, int threads, int queue) {
    AtomicInteger count = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue),
            runnable -> {
              Thread thread = new Thread(runnable, name + "-" + count.getAndIncrement());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Runs {@code task} on the stage's threads and returns its result. */
  <T> T call(Callable<T> task) {
    Future<T> future;
    try {
      future = executor.submit(task);
    } catch (RejectedExecutionException e) {
      throw new FaceException(
          ErrorCode.OVERLOADED, "too many photos are waiting to be processed; retry shortly");
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FaceException(ErrorCode.INTERNAL, "interrupted while processing a photo", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new FaceException(ErrorCode.INTERNAL, "processing a photo failed: " + cause, cause);
    }
  }

  /** How many tasks wait for a thread now. */
  int queued() {
    return executor.getQueue().size();
  }

  /** Finishes queued tasks, then stops the threads (waits up to 30 s). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
