package facegate.cli;

import facegate.bench.ApiRequests;
import facegate.bench.EmbedBench;
import facegate.bench.IdentifyBench;
import facegate.bench.LoadResult;
import facegate.bench.PhotoFolder;
import facegate.bench.VerifyBench;
import facegate.core.Embedding;
import facegate.eval.EmbeddingCache;
import facegate.gallery.HnswParameters;
import facegate.pipeline.FaceRecognizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: embed throughput, verify latency over real HTTP, identify latency and recall on
 * large synthetic galleries. The last line is {@code verify_p99_ms=… verify_rps=… embed_ips=…
 * identify_1m_ms=… recall10=…}.
 */
@Command(
    name = "bench",
    description =
        "Benchmarks on this machine: embed throughput, verify over HTTP, identify at scale.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Short run with a small gallery (CI).")
  boolean quick;

  @Option(
      names = "--sections",
      split = ",",
      defaultValue = "embed,verify,identify",
      description = "Sections to run (default: ${DEFAULT-VALUE}).")
  List<String> sections;

  @Option(
      names = "--sizes",
      split = ",",
      description = "Gallery sizes (default: 10000,100000,1000000; --quick: 10000).")
  List<Integer> sizes;

  @Option(
      names = "--kinds",
      split = ",",
      defaultValue = "lfw,random",
      description =
          "Gallery kinds: lfw (real embeddings and mixes of them), gauss (real embeddings and"
              + " draws from a Gaussian fitted to them), random.")
  List<String> kinds;

  @Option(
      names = "--embeddings",
      description =
          "Embedding cache of real faces (from eval/identify-eval --cache) for the lfw kind;"
              + " without it the --images are embedded now.")
  Path embeddings;

  @Option(
      names = "--images",
      defaultValue = "src/test/resources/fixtures/lfw",
      description = "Face photos (<Name>/<image>) for verify and, without --embeddings, identify.")
  Path images;

  @Option(names = "--queries", description = "Identify queries (default 1000; --quick: 200).")
  Integer queries;

  @Option(
      names = "--verify-requests",
      description = "Verify requests per concurrency level (default 200; --quick: 24).")
  Integer verifyRequests;

  @Option(
      names = "--verify-concurrency",
      split = ",",
      defaultValue = "1,4,16",
      description = "Verify requests in flight, one measurement each (default: ${DEFAULT-VALUE}).")
  int[] verifyConcurrency;

  @Option(names = "--m", defaultValue = "24", description = "HNSW M.")
  int m;

  @Option(names = "--ef-construction", defaultValue = "300", description = "HNSW efConstruction.")
  int efConstruction;

  @Option(
      names = "--efs",
      split = ",",
      defaultValue = "50,100,150,200,400",
      description = "HNSW search ef values to try.")
  int[] efs;

  @Option(
      names = "--hnsw-max-size",
      defaultValue = "1000000",
      description =
          "Largest gallery to build a graph for; larger ones measure the exact search only"
              + " (default: ${DEFAULT-VALUE}).")
  int hnswMaxSize;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice.")
  long seed;

  @Mixin ModelOptions models;

  @Override
  public Integer call() {
    List<String> summary = new ArrayList<>();
    if (sections.contains("verify")) {
      Map<Integer, LoadResult> verify =
          verify(verifyConcurrency, verifyRequests != null ? verifyRequests : quick ? 24 : 200);
      LoadResult atFour =
          verify.getOrDefault(4, verify.get(verifyConcurrency[verifyConcurrency.length - 1]));
      summary.add(
          String.format(
              Locale.ROOT,
              "verify_p99_ms=%.1f verify_rps=%.2f verify_errors=%d",
              atFour.percentileMillis(0.99),
              atFour.requestsPerSecond(),
              verify.values().stream().mapToInt(LoadResult::errors).sum()));
    }
    if (sections.contains("embed")) {
      double ips;
      try (FaceRecognizer recognizer = models.open(1)) {
        ips =
            new EmbedBench(System.out)
                .run(
                    recognizer,
                    PhotoFolder.read(PhotoFolder.photos(images)),
                    new int[] {1, 8, 32},
                    quick ? 32 : 256);
      }
      summary.add(String.format(Locale.ROOT, "embed_ips=%.1f", ips));
    }
    if (sections.contains("identify")) {
      for (String kind : kinds) {
        if (!List.of("lfw", "gauss", "random").contains(kind)) {
          throw new IllegalArgumentException(
              "unknown --kinds " + kind + "; expected lfw, gauss or random");
        }
      }
      List<Integer> gallerySizes =
          sizes != null ? sizes : quick ? List.of(10_000) : List.of(10_000, 100_000, 1_000_000);
      int queryCount = queries != null ? queries : quick ? 200 : 1000;
      List<IdentifyBench.Headline> headlines =
          new IdentifyBench(System.out, seed)
              .run(
                  kinds,
                  gallerySizes,
                  kinds.contains("lfw") || kinds.contains("gauss") ? realEmbeddings() : List.of(),
                  queryCount,
                  new HnswParameters(m, efConstruction, efs[0]),
                  efs,
                  hnswMaxSize);
      summary.add(IdentifyBench.summary(headlines));
    }
    System.out.println(String.join(" ", summary));
    return 0;
  }

  /** The verify section against the real service, started here with an empty gallery. */
  private Map<Integer, LoadResult> verify(int[] concurrencies, int requestsPerLevel) {
    try (LocalServer server = LocalServer.start(LocalServer.temporaryGallery(), List.of())) {
      return new VerifyBench(System.out)
          .run(
              new ApiRequests(server.uri("/"), server.adminKey()),
              new ApiRequests(server.uri("/"), server.verifierKey()),
              PhotoFolder.byPerson(images),
              concurrencies,
              requestsPerLevel);
    }
  }

  private List<float[]> realEmbeddings() {
    List<Embedding> found;
    if (embeddings != null) {
      found = EmbeddingCache.open(embeddings, models.fingerprint()).embeddings();
      if (found.isEmpty()) {
        throw new IllegalArgumentException(
            embeddings
                + " holds no embeddings of this pipeline; make it with identify-eval --cache");
      }
    } else {
      found = FixtureEmbeddings.embedAll(models, images);
    }
    System.err.println("[identify] " + found.size() + " real embeddings");
    return found.stream().map(Embedding::values).toList();
  }
}
