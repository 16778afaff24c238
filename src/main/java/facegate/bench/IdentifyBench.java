package facegate.bench;

import facegate.gallery.HnswParameters;
import facegate.gallery.IndexBenchmark;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The identify section of {@code bench}: for each gallery kind and size, one HNSW graph built and
 * searched at several {@code ef}, against an exact search. Prints one line per (kind, size, ef).
 */
public final class IdentifyBench {
  /**
   * The headline of one (kind, size): latency and recall at the first {@code ef} reaching recall@10
   * 0.99 (else the largest {@code ef} tried); for an exact-only size, kind {@code <kind>-exact}, ef
   * 0 and recall 1.
   */
  public record Headline(String kind, int size, int ef, double meanMillis, double recallAt10) {}

  private final PrintStream out;
  private final long seed;

  /** Prints its lines to {@code out}; every gallery and query set is drawn from {@code seed}. */
  public IdentifyBench(PrintStream out, long seed) {
    this.out = out;
    this.seed = seed;
  }

  /**
   * Runs every kind at every size, in order; {@code real} are the real embeddings the {@code lfw}
   * and {@code gauss} kinds are made of (may be empty when only {@code random} runs).
   */
  public List<Headline> run(
      List<String> kinds,
      List<Integer> sizes,
      List<float[]> real,
      int queryCount,
      HnswParameters parameters,
      int[] efs,
      int hnswMaxSize) {
    List<Headline> headlines = new ArrayList<>();
    for (String kind : kinds) {
      for (int size : sizes) {
        List<float[]> vectors;
        List<float[]> queries;
        if (kind.equals("random")) {
          vectors = SyntheticTemplates.random(size, 128, seed);
          queries = SyntheticTemplates.random(queryCount, 128, seed + 1);
        } else {
          vectors =
              kind.equals("gauss")
                  ? SyntheticTemplates.gaussian(real, size, seed)
                  : SyntheticTemplates.mixed(real, size, seed);
          queries = SyntheticTemplates.nearReal(real, queryCount, seed + 1);
        }
        IndexBenchmark.Result result =
            IndexBenchmark.run(
                vectors,
                queries,
                size <= hnswMaxSize ? parameters : null,
                efs,
                line -> System.err.println("[identify " + kind + " " + size + "] " + line));
        if (result.parameters() == null) {
          out.printf(
              Locale.ROOT,
              "identify kind=%s size=%d exact_ms=%.2f (no graph built: size > --hnsw-max-size)%n",
              kind,
              size,
              result.exactMillis());
          printTies(kind, result);
          headlines.add(new Headline(kind + "-exact", size, 0, result.exactMillis(), 1.0));
        } else {
          headlines.add(print(kind, result));
        }
      }
    }
    return headlines;
  }

  /** How near-tied the exact top-10 is: why recall@10 can stay low at large sizes. */
  private void printTies(String kind, IndexBenchmark.Result result) {
    IndexBenchmark.Ties ties = result.ties();
    out.printf(
        Locale.ROOT,
        "identify kind=%s size=%d ties: median_10th=%.4f median_gap_10_11=%.5f"
            + " mean_within_%.2f_of_10th=%.1f%n",
        kind,
        result.size(),
        ties.medianTenth(),
        ties.medianGap(),
        IndexBenchmark.TIE_BAND,
        ties.withinBand());
  }

  private Headline print(String kind, IndexBenchmark.Result result) {
    HnswParameters parameters = result.parameters();
    out.printf(
        Locale.ROOT,
        "identify kind=%s size=%d M=%d efConstruction=%d build_s=%.1f bytes_per_template=%.0f"
            + " exact_ms=%.2f%n",
        kind,
        result.size(),
        parameters.m(),
        parameters.efConstruction(),
        result.buildSeconds(),
        result.bytesPerTemplate(),
        result.exactMillis());
    printTies(kind, result);
    IndexBenchmark.SearchResult10 chosen = null;
    for (IndexBenchmark.SearchResult10 search : result.searches()) {
      out.printf(
          Locale.ROOT,
          "identify kind=%s size=%d ef=%d mean_ms=%.3f p99_ms=%.3f recall1=%.4f recall10=%.4f"
              + " recall10_eps=%.4f%n",
          kind,
          result.size(),
          search.ef(),
          search.meanMillis(),
          search.p99Millis(),
          search.recallAt1(),
          search.recallAt10(),
          search.recallAt10Within());
      if (chosen == null && search.recallAt10() >= 0.99) {
        chosen = search;
      }
    }
    if (chosen == null) {
      chosen = result.searches().get(result.searches().size() - 1);
    }
    out.flush();
    return new Headline(kind, result.size(), chosen.ef(), chosen.meanMillis(), chosen.recallAt10());
  }

  /**
   * The largest gallery's numbers (the first kind's at that size), and, when that size was searched
   * exactly only, also the largest graph's.
   */
  public static String summary(List<IdentifyBench.Headline> headlines) {
    IdentifyBench.Headline largest = headlines.get(0);
    IdentifyBench.Headline largestGraph = null;
    for (IdentifyBench.Headline headline : headlines) {
      if (headline.size() > largest.size()) {
        largest = headline;
      }
      if (headline.ef() > 0 && (largestGraph == null || headline.size() > largestGraph.size())) {
        largestGraph = headline;
      }
    }
    String line =
        String.format(
            Locale.ROOT,
            "identify_1m_ms=%.3f recall10=%.4f identify_size=%d identify_kind=%s identify_ef=%d",
            largest.meanMillis(),
            largest.recallAt10(),
            largest.size(),
            largest.kind(),
            largest.ef());
    if (largestGraph != null && largestGraph != largest) {
      line +=
          String.format(
              Locale.ROOT,
              " hnsw_size=%d hnsw_kind=%s hnsw_ms=%.3f hnsw_recall10=%.4f hnsw_ef=%d",
              largestGraph.size(),
              largestGraph.kind(),
              largestGraph.meanMillis(),
              largestGraph.recallAt10(),
              largestGraph.ef());
    }
    return line;
  }
}
