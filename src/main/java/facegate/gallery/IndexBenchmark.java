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
   * Tolerance of {@link SearchResult10#recallAt10Within}: a found template counts when its
   * similarity is at most this far below the exact 10th's (ann-benchmarks' "epsilon" recall).
   */
  public static final float RECALL_EPSILON = 0.001f;

  /** How far below the exact 10th similarity {@link Ties#withinBand} counts templates. */
  public static final float TIE_BAND = 0.01f;

  /**
   * One search setting's result.
   *
   * @param ef the search candidate list size
   * @param meanMillis mean latency of one top-{@value #K} search, one thread
   * @param p99Millis 99th percentile latency
   * @param recallAt1 fraction of queries whose exact nearest neighbour ranks first
   * @param recallAt10 mean fraction of the exact top-10 in the HNSW top-10
   * @param recallAt10Within mean fraction of the HNSW top-10 whose similarity is at least the exact
   *     10th's minus {@value #RECALL_EPSILON}: a near-tie found instead counts as found
   */
  public record SearchResult10(
      int ef,
      double meanMillis,
      double p99Millis,
      double recallAt1,
      double recallAt10,
      double recallAt10Within) {}

  /**
   * How close the exact top-10 is to the rest, over the queries: when many templates lie within a
   * hair of the 10th, which of them a search returns is nearly arbitrary, and recall@10 measures
   * tie-breaking more than search quality.
   *
   * @param medianGap median of (10th - 11th exact similarity)
   * @param medianTenth median of the 10th similarity
   * @param withinBand mean number of templates (the top-10 included) with similarity at least the
   *     10th's minus {@value #TIE_BAND}
   */
  public record Ties(double medianGap, double medianTenth, double withinBand) {}

  /**
   * One graph's result.
   *
   * @param size templates in the graph
   * @param buildSeconds wall time of building the graph on all cores
   * @param bytesPerTemplate heap after GC held by the graph and its items, per template (the 128-d
   *     vector alone is 512 bytes)
   * @param exactMillis mean latency of the exact (brute-force) top-{@value #K}, one thread (over
   *     the first 20 queries)
   * @param ties how close the exact neighbours are to the rest
   */
  public record Result(
      int size,
      HnswParameters parameters,
      double buildSeconds,
      double bytesPerTemplate,
      double exactMillis,
      Ties ties,
      List<SearchResult10> searches) {}

  /** One query's exact neighbours: the {@value #K} + 1 best, best first, and their similarities. */
  record Exact(int[] ids, float[] scores) {
    float tenth() {
      return scores[Math.min(K, scores.length) - 1];
    }
  }

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
    Exact[] exact = exactNeighbours(vectors, queries);
    Ties ties = ties(vectors, queries, exact);
    if (parameters == null) {
      return new Result(vectors.size(), null, 0, 0, exactMillis, ties, List.of());
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
        vectors.size(), parameters, buildSeconds, bytesPerTemplate, exactMillis, ties, searches);
  }

  private static SearchResult10 search(
      HnswIndex<Long, float[], TemplateItem, Float> graph,
      List<float[]> queries,
      Exact[] exact,
      int ef) {
    for (int i = 0; i < Math.min(50, queries.size()); i++) {
      graph.findNearest(queries.get(i), K); // warm-up
    }
    long[] nanos = new long[queries.size()];
    double hitsAt1 = 0;
    double hitsAt10 = 0;
    double hitsWithin = 0;
    for (int q = 0; q < queries.size(); q++) {
      long start = System.nanoTime();
      List<SearchResult<TemplateItem, Float>> found = graph.findNearest(queries.get(q), K);
      nanos[q] = System.nanoTime() - start;
      long[] ids = found.stream().mapToLong(result -> result.item().id()).toArray();
      int[] truths = Arrays.copyOf(exact[q].ids(), Math.min(K, exact[q].ids().length));
      if (ids.length > 0 && ids[0] == truths[0]) {
        hitsAt1++;
      }
      for (SearchResult<TemplateItem, Float> result : found) {
        if (1 - result.distance() >= exact[q].tenth() - RECALL_EPSILON) {
          hitsWithin++;
        }
      }
      for (int truth : truths) {
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
        ef,
        mean,
        p99,
        hitsAt1 / queries.size(),
        hitsAt10 / ((double) K * queries.size()),
        hitsWithin / ((double) K * queries.size()));
  }

  /** Each query's {@value #K} + 1 most similar vectors (inner product), best first. */
  static Exact[] exactNeighbours(List<float[]> vectors, List<float[]> queries) {
    Exact[] result = new Exact[queries.size()];
    IntStream.range(0, queries.size())
        .parallel()
        .forEach(q -> result[q] = exactTop(vectors, queries.get(q), K + 1));
    return result;
  }

  /** Tie statistics of the exact neighbours (a second pass over the vectors). */
  static Ties ties(List<float[]> vectors, List<float[]> queries, Exact[] exact) {
    double[] gaps = new double[queries.size()];
    double[] tenths = new double[queries.size()];
    long[] within = new long[queries.size()];
    IntStream.range(0, queries.size())
        .parallel()
        .forEach(
            q -> {
              float[] scores = exact[q].scores();
              tenths[q] = exact[q].tenth();
              gaps[q] = scores.length > K ? scores[K - 1] - scores[K] : Double.NaN;
              float floor = exact[q].tenth() - TIE_BAND;
              for (float[] vector : vectors) {
                if (InnerProductDistance.dot(queries.get(q), vector) >= floor) {
                  within[q]++;
                }
              }
            });
    Arrays.sort(gaps);
    Arrays.sort(tenths);
    return new Ties(
        gaps[gaps.length / 2],
        tenths[tenths.length / 2],
        Arrays.stream(within).average().orElse(0));
  }

  /** The indices of the {@code k} vectors most similar to {@code query}, best first. */
  static int[] exactTopK(List<float[]> vectors, float[] query, int k) {
    return exactTop(vectors, query, k).ids();
  }

  private static Exact exactTop(List<float[]> vectors, float[] query, int k) {
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
    return new Exact(best, scores);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
