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

/**
 * Scores a pairs protocol with a face embedder: every distinct image is embedded once (in
 * parallel), each pair is scored by cosine, and a pair with an image whose face could not be found
 * or read is a failure, scored as a mismatch.
 */
public final class PairsEvaluation {
  private PairsEvaluation() {}

  /**
   * What an evaluation produced: the report and the raw pair scores (for plots and calibration).
   */
  public record Result(VerificationReport report, double[] scores, boolean[] same) {}

  /**
   * @param embedder the embedding of an image's face, empty when no face is found; a {@link
   *     FaceException} (unreadable image) also counts as a failure
   * @param threads images embedded at once, at least 1
   * @param progress told the number of images done after each one
   */
  public static Result run(
      PairsProtocol protocol,
      Path images,
      Function<Path, Optional<Embedding>> embedder,
      int threads,
      IntConsumer progress) {
    Map<Path, Optional<Embedding>> embeddings =
        embedAll(protocol.images(images), embedder, threads, progress);
    List<PairsProtocol.Pair> pairs = protocol.pairs();
    double[] scores = new double[pairs.size()];
    boolean[] same = new boolean[pairs.size()];
    int[] folds = new int[pairs.size()];
    int failures = 0;
    for (int i = 0; i < pairs.size(); i++) {
      PairsProtocol.Pair pair = pairs.get(i);
      Optional<Embedding> left = embeddings.get(pair.left(images));
      Optional<Embedding> right = embeddings.get(pair.right(images));
      same[i] = pair.same();
      folds[i] = pair.fold();
      if (left.isPresent() && right.isPresent()) {
        scores[i] = left.get().cosine(right.get());
      } else {
        scores[i] = Double.NEGATIVE_INFINITY;
        failures++;
      }
    }
    VerificationReport report =
        VerificationMetrics.evaluate(scores, same, folds, protocol.folds(), failures);
    return new Result(report, scores, same);
  }

  private static Map<Path, Optional<Embedding>> embedAll(
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
