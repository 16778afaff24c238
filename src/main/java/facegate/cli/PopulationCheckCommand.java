package facegate.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.bench.ApiRequests;
import facegate.eval.PopulationPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code population-check}: per data set, starts the real service on a fresh gallery, enrolls each
 * selected person from one photo, sends their other photos as genuine verify requests and photos of
 * other people claiming their id as impostors, and prints FAR and FRR at the service's own decision
 * (and at the raw cosine threshold the answer carries). The data set's name is left out of the
 * default normalisation cohort, so its people are never their own cohort.
 */
@Command(
    name = "population-check",
    description =
        "End to end through the service: enroll each person of a folder from one photo, verify"
            + " genuine and impostor photos, print FAR and FRR per data set.")
final class PopulationCheckCommand implements Callable<Integer> {
  @Option(
      names = "--dataset",
      required = true,
      description =
          "NAME=FOLDER (folder per person); NAME is also the default-cohort source left out,"
              + " e.g. jaffe=../shared/data/jaffe/images. Repeatable.")
  Map<String, Path> datasets;

  @Option(names = "--photos", defaultValue = "*.jpg", description = "Photo file-name glob.")
  String photoGlob;

  @Option(names = "--min-photos", defaultValue = "2", description = "People with fewer are out.")
  int minPhotos;

  @Option(names = "--people", defaultValue = "200", description = "Most people per data set.")
  int maxPeople;

  @Option(names = "--genuine", defaultValue = "3", description = "Genuine probes per person.")
  int genuine;

  @Option(names = "--impostors", defaultValue = "3", description = "Impostor probes per person.")
  int impostors;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the people and impostors.")
  long seed;

  @Option(names = "--concurrency", defaultValue = "2", description = "Requests in flight.")
  int concurrency;

  @Option(
      names = "--normalize",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Run the service with score normalisation (default: on).")
  boolean normalize;

  @Option(names = "--set", description = "Further service settings, e.g. -facegate.x=y.")
  List<String> settings = new ArrayList<>();

  @Option(
      names = "--out",
      description =
          "Folder for one TSV of attempts and the gallery (kept, for calibrate --gallery) per"
              + " data set; without it the galleries are temporary.")
  Path out;

  @Option(
      names = "--reuse-galleries",
      description =
          "With --out: keep the galleries a previous run left there (people already enrolled"
              + " stay; e.g. after calibrate --gallery on them).")
  boolean reuseGalleries;

  @Option(
      names = "--cohort-scores",
      description =
          "With --out: after the verifies, embed each answered probe again in the service's"
              + " process and write NAME-cohort.tsv: per attempt the cosine and the probe's and"
              + " claimed template's top-100 default-cohort and gallery cosines, from which"
              + " `cohort-sweep` recomputes the normalised score for any top-k and cohort rule."
              + " The service then embeds every probe with its mirror image"
              + " (facegate.verify-single-view=false), as the saved cosines are.")
  boolean cohortScores;

  @Override
  public Integer call() throws Exception {
    System.out.println(
        "dataset\tpeople\tgenuine\timpostors\tfailed\tFAR\tFRR\trawFAR\trawFRR\tthreshold\trawThreshold");
    for (Map.Entry<String, Path> dataset : datasets.entrySet()) {
      PopulationPlan plan =
          PopulationPlan.of(
              dataset.getValue(), photoGlob, minPhotos, maxPeople, genuine, impostors, seed);
      System.out.println(run(dataset.getKey(), plan));
    }
    return 0;
  }

  private String run(String name, PopulationPlan plan) throws Exception {
    Path gallery;
    if (out == null) {
      gallery = Files.createTempDirectory("population-check-");
    } else {
      gallery = out.resolve(name + "-gallery");
      if (Files.exists(gallery) && !reuseGalleries) {
        deleteTree(gallery);
      }
      Files.createDirectories(gallery);
    }
    List<String> args = new ArrayList<>(settings);
    args.add("-facegate.normalization.enabled=" + normalize);
    args.add("-facegate.normalization.exclude-cohort-sources=" + name);
    if (cohortScores) {
      // the saved cohort cosines are the full (chip + mirror) probe's: so must the answers be
      args.add("-facegate.verify-single-view=false");
    }
    HttpClient client = HttpClient.newHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try (LocalServer server = LocalServer.start(gallery, args)) {
      ApiRequests admin = new ApiRequests(server.uri("/"), server.adminKey());
      ApiRequests verifier = new ApiRequests(server.uri("/"), server.verifierKey());
      List<Future<Boolean>> enrolled = new ArrayList<>();
      for (PopulationPlan.Enrolled person : plan.people()) {
        enrolled.add(
            pool.submit(
                () -> {
                  int status =
                      client
                          .send(
                              admin.enroll(person.id(), Files.readAllBytes(person.enrollPhoto())),
                              HttpResponse.BodyHandlers.ofString())
                          .statusCode();
                  return status == 201 || (reuseGalleries && status == 409);
                }));
      }
      java.util.Set<String> ids = new java.util.HashSet<>();
      for (int i = 0; i < enrolled.size(); i++) {
        if (enrolled.get(i).get()) {
          ids.add(plan.people().get(i).id());
        }
      }
      List<Future<String>> answers = new ArrayList<>();
      List<PopulationPlan.Attempt> sent = new ArrayList<>();
      for (PopulationPlan.Attempt attempt : plan.attempts()) {
        if (ids.contains(attempt.claimedId())) {
          sent.add(attempt);
          HttpRequest request =
              verifier.verify(attempt.claimedId(), Files.readAllBytes(attempt.photo()));
          answers.add(
              pool.submit(
                  () -> {
                    HttpResponse<String> response =
                        client.send(request, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 ? response.body() : null;
                  }));
        }
      }
      Tally tally = new Tally(ids.size());
      StringBuilder tsv = new StringBuilder("claimed\tphoto\tgenuine\tscore\tnormalized\tmatch\n");
      for (int i = 0; i < sent.size(); i++) {
        tally.add(sent.get(i), answers.get(i).get(), tsv);
      }
      if (out != null) {
        Files.createDirectories(out);
        Files.writeString(out.resolve(name + (normalize ? "" : "-raw") + ".tsv"), tsv);
        if (cohortScores) {
          List<PopulationPlan.Attempt> answered = new ArrayList<>();
          for (int i = 0; i < sent.size(); i++) {
            if (answers.get(i).get() != null) {
              answered.add(sent.get(i));
            }
          }
          Files.writeString(
              out.resolve(name + "-cohort.tsv"),
              PopulationCohortScores.of(server, name, answered, pool));
        }
      }
      return name + "\t" + tally;
    } finally {
      pool.shutdownNow();
      if (out == null) {
        deleteTree(gallery);
      }
    }
  }

  /** Counts of one data set's answers. */
  private static final class Tally {
    final int people;
    int genuine, impostors, failed, falseRejects, falseAccepts, rawFalseRejects, rawFalseAccepts;
    double threshold = Double.NaN, rawThreshold = Double.NaN;

    Tally(int people) {
      this.people = people;
    }

    void add(PopulationPlan.Attempt attempt, String body, StringBuilder tsv) {
      if (body == null) {
        failed++;
        return;
      }
      JsonObject answer = JsonParser.parseString(body).getAsJsonObject();
      boolean match = answer.get("match").getAsBoolean();
      double score = answer.get("score").getAsDouble();
      threshold = answer.get("threshold").getAsDouble();
      rawThreshold = answer.get("rawThreshold").getAsDouble();
      boolean rawMatch = score >= rawThreshold;
      if (attempt.genuine()) {
        genuine++;
        falseRejects += match ? 0 : 1;
        rawFalseRejects += rawMatch ? 0 : 1;
      } else {
        impostors++;
        falseAccepts += match ? 1 : 0;
        rawFalseAccepts += rawMatch ? 1 : 0;
      }
      String normalized =
          answer.get("normalizedScore") == null || answer.get("normalizedScore").isJsonNull()
              ? ""
              : answer.get("normalizedScore").getAsString();
      tsv.append(attempt.claimedId()).append('\t').append(attempt.photo().getFileName());
      tsv.append('\t').append(attempt.genuine()).append('\t').append(score);
      tsv.append('\t').append(normalized).append('\t').append(match).append('\n');
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f",
          people,
          genuine,
          impostors,
          failed,
          rate(falseAccepts, impostors),
          rate(falseRejects, genuine),
          rate(rawFalseAccepts, impostors),
          rate(rawFalseRejects, genuine),
          threshold,
          rawThreshold);
    }

    private static double rate(int count, int total) {
      return total == 0 ? Double.NaN : (double) count / total;
    }
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
