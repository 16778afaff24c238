package facegate.embed;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Groups the inputs of concurrent callers into batches for one function call each (one forward pass
 * of a network): a batch runs as soon as it holds {@code maxBatch} inputs, or {@code maxWaitMillis}
 * after its oldest input arrived, whichever comes first. {@code workers} threads run batches, each
 * one at a time.
 *
 * <p>Back-pressure: at most {@code queueCapacity} inputs wait; a call whose inputs do not all fit
 * fails at once with {@code overloaded} (nothing of it is queued), instead of piling up work. A
 * failing batch fails every caller with an input in it, with the same exception. {@link #close()}
 * refuses new calls, finishes what is queued, and stops the workers.
 *
 * @param <I> an input, e.g. a face chip
 * @param <O> its output, e.g. an embedding
 */
public final class DynamicBatcher<I, O> implements AutoCloseable {
  private record Pending<I, O>(I input, CompletableFuture<O> result, long arrivedNanos) {}

  private final Function<List<I>, List<O>> batchFunction;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final BlockingQueue<Pending<I, O>> queue;
  private final Object admission = new Object();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean closed;
  private volatile IntConsumer batchSizes = size -> {};

  /**
   * @param batchFunction one output per input, in order; called by one worker at a time per batch
   * @param maxBatch most inputs per call, at least 1
   * @param maxWaitMillis longest an input waits for others before its batch runs, at least 0
   * @param queueCapacity most inputs waiting, at least {@code maxBatch}
   * @param workers threads running batches, at least 1
   */
  public DynamicBatcher(
      Function<List<I>, List<O>> batchFunction,
      int maxBatch,
      long maxWaitMillis,
      int queueCapacity,
      int workers,
      String name) {
    this.batchFunction = Objects.requireNonNull(batchFunction, "batchFunction");
    if (maxBatch < 1 || maxWaitMillis < 0 || queueCapacity < maxBatch || workers < 1) {
      throw new IllegalArgumentException(
          "need maxBatch >= 1, maxWaitMillis >= 0, queueCapacity >= maxBatch, workers >= 1; got "
              + maxBatch
              + ", "
              + maxWaitMillis
              + ", "
              + queueCapacity
              + ", "
              + workers);
    }
    this.maxBatch = maxBatch;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    for (int i = 0; i < workers; i++) {
      Thread worker = new Thread(this::work, name + "-batcher-" + i);
      worker.setDaemon(true);
      this.workers.add(worker);
      worker.start();
    }
  }

  /**
   * The outputs of {@code inputs}, in order, computed in batches with other callers' inputs. Blocks
   * until all are done.
   *
   * @throws FaceException {@code overloaded} when the queue cannot take all inputs, or the batcher
   *     is closed; otherwise whatever the batch function threw for a batch holding one of them
   */
  public List<O> submitAll(List<I> inputs) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    if (inputs.size() > queue.remainingCapacity() + queue.size()) {
      throw new IllegalArgumentException(
          inputs.size() + " inputs exceed the queue capacity; submit fewer at a time");
    }
    List<CompletableFuture<O>> results = new ArrayList<>(inputs.size());
    synchronized (admission) {
      if (closed) {
        throw new FaceException(
            ErrorCode.OVERLOADED, "the service is shutting down; retry on another instance");
      }
      if (queue.remainingCapacity() < inputs.size()) {
        throw new FaceException(
            ErrorCode.OVERLOADED,
            "too many requests are waiting for the embedding network; retry shortly");
      }
      long now = System.nanoTime();
      for (I input : inputs) {
        CompletableFuture<O> result = new CompletableFuture<>();
        queue.add(new Pending<>(input, result, now));
        results.add(result);
      }
    }
    List<O> outputs = new ArrayList<>(inputs.size());
    for (CompletableFuture<O> result : results) {
      outputs.add(await(result));
    }
    return outputs;
  }

  private static <O> O await(CompletableFuture<O> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaceException(ErrorCode.INTERNAL, "interrupted while waiting for a batch", e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new FaceException(ErrorCode.INTERNAL, "batch failed: " + cause, cause);
    }
  }

  /** How many inputs are waiting for a batch. */
  public int queued() {
    return queue.size();
  }

  /** Tells {@code sink} the size of every batch run from now on (for the service's metrics). */
  public void reportBatchSizesTo(IntConsumer sink) {
    batchSizes = Objects.requireNonNull(sink, "sink");
  }

  private void work() {
    while (!closed || !queue.isEmpty()) {
      Pending<I, O> first;
      try {
        first = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        break;
      }
      if (first != null) {
        run(collect(first));
      }
    }
  }

  private List<Pending<I, O>> collect(Pending<I, O> first) {
    List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
    batch.add(first);
    long deadline = first.arrivedNanos() + maxWaitNanos;
    while (batch.size() < maxBatch) {
      Pending<I, O> next = queue.poll();
      if (next == null) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0 || closed) {
          break;
        }
        try {
          next = queue.poll(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          break;
        }
        if (next == null) {
          break;
        }
      }
      batch.add(next);
    }
    return batch;
  }

  private void run(List<Pending<I, O>> batch) {
    List<I> inputs = batch.stream().map(Pending::input).toList();
    batchSizes.accept(inputs.size());
    try {
      List<O> outputs = batchFunction.apply(inputs);
      if (outputs.size() != inputs.size()) {
        throw new IllegalStateException(
            "batch function returned " + outputs.size() + " outputs for " + inputs.size());
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(outputs.get(i));
      }
    } catch (RuntimeException | Error e) {
      for (Pending<I, O> pending : batch) {
        pending.result().completeExceptionally(e);
      }
    }
  }

  /**
   * Refuses new calls, lets the workers finish every queued input, and waits for them (up to 30 s);
   * inputs still queued after that fail with {@code overloaded}.
   */
  @Override
  public void close() {
    synchronized (admission) {
      closed = true;
    }
    for (Thread worker : workers) {
      try {
        worker.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    Pending<I, O> left;
    while ((left = queue.poll()) != null) {
      left.result()
          .completeExceptionally(
              new FaceException(ErrorCode.OVERLOADED, "the service shut down; retry"));
    }
  }
}
