package facegate.eval;

import facegate.core.Embedding;
import facegate.core.FaceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** Embeds many images on a fixed pool of threads. */
final class ParallelEmbedding {
  private ParallelEmbedding() {}

  /**
   * Embeds every path once, {@code threads} at a time; an image that fails with a {@link
   * FaceException} (unreadable) maps to empty, like one with no face.
   */
  static Map<Path, Optional<Embedding>> embedAll(
      List<Path> paths,
      Function<Path, Optional<Embedding>> embedder,
      int threads,
      IntConsumer progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    Map<Path, Optional<Embedding>> embeddings = new ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Path path : paths) {
        futures.add(
            pool.submit(
                () -> {
                  embeddings.put(path, embedSafely(embedder, path));
                  progress.accept(done.incrementAndGet());
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return embeddings;
  }

  private static Optional<Embedding> embedSafely(
      Function<Path, Optional<Embedding>> embedder, Path path) {
    try {
      return embedder.apply(path);
    } catch (FaceException e) {
      return Optional.empty();
    }
  }
}
