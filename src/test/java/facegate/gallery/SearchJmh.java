package facegate.gallery;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import facegate.bench.SyntheticTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the identify hot loops on random unit 128-d templates, one thread. The exact top-10 scan
 * (what the HNSW graph is measured against) and the graph search with the gallery's item type and
 * distance. Sizes are parameters ({@code -p size=...}); the graph is built in the set-up, so large
 * graph sizes take minutes before the first iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SearchJmh {
  private static final int DIMENSION = 128;

  /** Templates for the exact scan, and queries. */
  @State(Scope.Benchmark)
  public static class Exact {
    @Param({"100000"})
    public int size;

    List<float[]> vectors;
    List<float[]> queries;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      vectors = SyntheticTemplates.random(size, DIMENSION, 1);
      queries = SyntheticTemplates.random(256, DIMENSION, 2);
    }

    float[] query() {
      return queries.get(next++ & 255);
    }
  }

  /** A graph with the gallery's default parameters, and queries. */
  @State(Scope.Benchmark)
  public static class Graph {
    @Param({"20000"})
    public int size;

    @Param({"100"})
    public int ef;

    /**
     * {@code unrolled}: the gallery's {@link InnerProductDistance}; {@code hnswlib}: the library's.
     */
    @Param({"unrolled", "hnswlib"})
    public String distance;

    HnswIndex<Long, float[], TemplateItem, Float> index;
    List<float[]> queries;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
      HnswParameters parameters = HnswParameters.DEFAULTS;
      List<float[]> vectors = SyntheticTemplates.random(size, DIMENSION, 1);
      List<TemplateItem> items = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        items.add(new TemplateItem((long) i, "p" + i, vectors.get(i)));
      }
      index =
          HnswIndex.newBuilder(
                  DIMENSION,
                  distance.equals("hnswlib")
                      ? DistanceFunctions.FLOAT_INNER_PRODUCT
                      : InnerProductDistance.INSTANCE,
                  size)
              .withM(parameters.m())
              .withEfConstruction(parameters.efConstruction())
              .withEf(ef)
              .build();
      index.addAll(items);
      queries = SyntheticTemplates.random(256, DIMENSION, 2);
    }

    float[] query() {
      return queries.get(next++ & 255);
    }
  }

  @Benchmark
  public float dot128Unrolled(Exact state) {
    return InnerProductDistance.dot(state.query(), state.vectors.get(state.next & 1023));
  }

  @Benchmark
  public float dot128Hnswlib(Exact state) {
    return DistanceFunctions.FLOAT_INNER_PRODUCT.distance(
        state.query(), state.vectors.get(state.next & 1023));
  }

  @Benchmark
  public int[] exactTop10(Exact state) {
    return IndexBenchmark.exactTopK(state.vectors, state.query(), IndexBenchmark.K);
  }

  @Benchmark
  public List<SearchResult<TemplateItem, Float>> hnswTop10(Graph state) {
    return state.index.findNearest(state.query(), IndexBenchmark.K);
  }
}
