package facegate.gallery;

import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Measures the gallery's HNSW graph (the same hnswlib index, items and distance as {@link
 * HnswGallery}) against an exact search: build time, heap per template, single-thread query latency
 * and recall@1/@10 for several search {@code ef} values. Recall@k is the fraction of the exact
 * top-k found in the HNSW top-k, averaged over queries.
 */
public final class IndexBenchmark {
  /** Neighbours compared per query. */
  public static final int K = 10;

  /**
   * One search setting's result.
   *
   * @param ef the search candidate list size
   * @param meanMillis mean latency of one top-{@value #K} search, one thread
   * @param p99Millis 99th percentile latency
   * @param recallAt1 fraction of queries whose exact nearest neighbour ranks first
   * @param recallAt10 mean fraction of the exact top-10 in the HNSW top-10
   */
  public record SearchResult10(
      int ef, double meanMillis, double p99Millis, double recallAt1, double recallAt10) {}

  /**
   * One graph's result.
   *
   * @param size templates in the graph
   * @param buildSeconds wall time of building the graph on all cores
   * @param bytesPerTemplate heap after GC held by the graph and its items, per template (the 128-d
   *     vector alone is 512 bytes)
   * @param exactMillis mean latency of the exact (brute-force) top-{@value #K}, one thread (over
   *     the first 20 queries)
   */
  public record Result(
      int size,
      HnswParameters parameters,
      double buildSeconds,
      double bytesPerTemplate,
      double exactMillis,
      List<SearchResult10> searches) {}

  private IndexBenchmark() {}

  /**
   * Builds a graph over {@code vectors} with {@code parameters} and searches it with {@code
   * queries} at every {@code efs} value.
   *
   * @param vectors unit vectors of one dimension; not modified
   * @param queries unit vectors of the same dimension; at least one
   * @param log progress lines (build percentage, phases)
   */
  public static Result run(
      List<float[]> vectors,
      List<float[]> queries,
      HnswParameters parameters,
      int[] efs,
      Consumer<String> log) {
    if (vectors.isEmpty() || queries.isEmpty()) {
      throw new IllegalArgumentException("need vectors and queries");
    }
    int dimension = vectors.get(0).length;
    log.accept("exact top-" + K + " of " + queries.size() + " queries");
    int timed = Math.min(20, queries.size());
    long exactStart = System.nanoTime();
    for (int q = 0; q < timed; q++) {
      exactTopK(vectors, queries.get(q), K);
    }
    double exactMillis = (System.nanoTime() - exactStart) / 1e6 / timed;
    int[][] exact = exactTopK(vectors, queries);
    if (parameters == null) {
      return new Result(vectors.size(), null, 0, 0, exactMillis, List.of());
    }
    long baseline = usedHeapAfterGc();
    List<TemplateItem> items = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      items.add(new TemplateItem((long) i, "p" + i, vectors.get(i).clone()));
    }
    HnswIndex<Long, float[], TemplateItem, Float> graph =
        HnswIndex.newBuilder(dimension, InnerProductDistance.INSTANCE, vectors.size())
            .withM(parameters.m())
            .withEfConstruction(parameters.efConstruction())
            .withEf(parameters.ef())
            .withRemoveEnabled()
            .build();
    long buildStart = System.nanoTime();
    int step = Math.max(1, vectors.size() / 20);
    try {
      graph.addAll(
          items,
          Runtime.getRuntime().availableProcessors(),
          (done, max) ->
              log.accept(
                  String.format(
                      java.util.Locale.ROOT,
                      "build %d/%d after %.0f s",
                      done,
                      max,
                      (System.nanoTime() - buildStart) / 1e9)),
          step);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the graph", e);
    }
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
    items = null; // the graph holds them now
    double bytesPerTemplate = (double) (usedHeapAfterGc() - baseline) / vectors.size();
    List<SearchResult10> searches = new ArrayList<>();
    for (int ef : efs) {
      graph.setEf(ef);
      searches.add(search(graph, queries, exact, ef));
      log.accept("searched at ef=" + ef);
    }
    return new Result(
        vectors.size(), parameters, buildSeconds, bytesPerTemplate, exactMillis, searches);
  }

  private static SearchResult10 search(
      HnswIndex<Long, float[], TemplateItem, Float> graph,
      List<float[]> queries,
      int[][] exact,
      int ef) {
    for (int i = 0; i < Math.min(50, queries.size()); i++) {
      graph.findNearest(queries.get(i), K); // warm-up
    }
    long[] nanos = new long[queries.size()];
    double hitsAt1 = 0;
    double hitsAt10 = 0;
    for (int q = 0; q < queries.size(); q++) {
      long start = System.nanoTime();
      List<SearchResult<TemplateItem, Float>> found = graph.findNearest(queries.get(q), K);
      nanos[q] = System.nanoTime() - start;
      long[] ids = found.stream().mapToLong(result -> result.item().id()).toArray();
      if (ids.length > 0 && ids[0] == exact[q][0]) {
        hitsAt1++;
      }
      for (int truth : exact[q]) {
        for (long id : ids) {
          if (id == truth) {
            hitsAt10++;
            break;
          }
        }
      }
    }
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
    double p99 = nanos[Math.min(nanos.length - 1, (int) Math.ceil(0.99 * nanos.length) - 1)] / 1e6;
    return new SearchResult10(
        ef, mean, p99, hitsAt1 / queries.size(), hitsAt10 / ((double) K * queries.size()));
  }

  /** The indices of each query's {@value #K} most similar vectors (inner product), best first. */
  static int[][] exactTopK(List<float[]> vectors, List<float[]> queries) {
    int[][] result = new int[queries.size()][];
    IntStream.range(0, queries.size())
        .parallel()
        .forEach(q -> result[q] = exactTopK(vectors, queries.get(q), K));
    return result;
  }

  static int[] exactTopK(List<float[]> vectors, float[] query, int k) {
    int count = Math.min(k, vectors.size());
    int[] best = new int[count];
    float[] scores = new float[count];
    Arrays.fill(scores, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < vectors.size(); i++) {
      float score = InnerProductDistance.dot(query, vectors.get(i));
      if (score > scores[count - 1]) {
        int at = count - 1;
        while (at > 0 && scores[at - 1] < score) {
          scores[at] = scores[at - 1];
          best[at] = best[at - 1];
          at--;
        }
        scores[at] = score;
        best[at] = i;
      }
    }
    return best;
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
