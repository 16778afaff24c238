package facegate.cli;

import facegate.embed.NormalizationCard;
import facegate.eval.CohortBuilder;
import facegate.eval.EmbeddingCache;
import facegate.gallery.TemplateCohort;
import facegate.pipeline.FaceRecognizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code build-cohort}: embeds one photo per person of the development sets into the model's
 * default score-normalisation cohort ({@code cohort.bin}, templates only) and writes the model's
 * {@code normalization} card (top-k, switch-over), keeping a calibrated threshold if there is one.
 */
@Command(
    name = "build-cohort",
    description =
        "Builds the model's default normalisation cohort (cohort.bin: one template per person of"
            + " LFW people in no pairs fold, CelebA identities, asian-faces, CFP) and its"
            + " normalization card in model.json.")
final class BuildCohortCommand implements Callable<Integer> {
  @Option(names = "--data", defaultValue = "../shared/data", description = "The shared data.")
  Path data;

  @Option(
      names = "--lfw-people",
      defaultValue = "1000",
      description = "LFW people in no pairs fold to take (default: ${DEFAULT-VALUE}).")
  int lfwPeople;

  @Option(names = "--top-k", defaultValue = "50", description = "Cohort scores per face.")
  int topK;

  @Option(
      names = "--gallery-only-at",
      defaultValue = "200",
      description = "Other enrolled people from which on the gallery alone is the cohort.")
  int galleryOnlyAt;

  @Option(names = "--threads", defaultValue = "2", description = "Images embedded at once.")
  int threads;

  @Option(names = "--cache", description = "Embedding cache file (shared with eval).")
  Path cacheFile;

  @Mixin ModelOptions models;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CohortBuilder builder = new CohortBuilder();
    Set<String> pairsPeople =
        CohortBuilder.peopleIn(data.resolve("lfw/protocol/pairs-folds1-5.txt"));
    builder.addPeople(data.resolve("lfw/images"), "lfw", lfwPeople, pairsPeople);
    builder.addImages(firstPerIdentity(data.resolve("celeba-299")), "celeba");
    builder.addPeople(data.resolve("asian-faces/images"), "asian-faces", 10_000, Set.of());
    builder.addPeople(data.resolve("cfp/images"), "cfp", 10_000, Set.of());
    EmbeddingCache cache = models.cache(cacheFile);
    TemplateCohort cohort;
    try (FaceRecognizer recognizer = models.open(threads)) {
      ProgressBar bar = new ProgressBar(System.err, "cohort", builder.imageCount());
      cohort = builder.build(ImageEmbedding.function(recognizer, cache), threads, bar::update);
    } finally {
      if (cache != null) {
        cache.save();
      }
    }
    NormalizationCard card = card(cohort);
    cohort.write(card.cohortPath(models.model));
    card.writeTo(models.model);
    System.out.println(
        "cohort "
            + card.cohortPath(models.model)
            + ": "
            + cohort.size()
            + " templates "
            + cohort.sourceCounts());
    return 0;
  }

  private NormalizationCard card(TemplateCohort cohort) {
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put(
        "cohort", cohort.size() + " templates, one per person: " + cohort.sourceCounts());
    provenance.put(
        "cohortMethod",
        "first image (name order) with a face of: up to "
            + lfwPeople
            + " LFW people in no pair of pairs-folds1-5, each celeba-299 identity, each"
            + " asian-faces person, each cfp person");
    provenance.put("cohortCommand", CalibrateCommand.commandLine(spec));
    NormalizationCard previous = NormalizationCard.read(models.model).orElse(null);
    // the threshold is kept; the single-view margin, measured against the old cohort, is dropped
    // (verify then embeds every normalised probe with its mirror until it is recalibrated)
    if (previous != null && previous.threshold() != null) {
      provenance.put("threshold", previous.provenance().getOrDefault("threshold", ""));
      return new NormalizationCard(
          "cohort.bin",
          topK,
          galleryOnlyAt,
          previous.threshold(),
          previous.far(),
          null,
          provenance);
    }
    return new NormalizationCard("cohort.bin", topK, galleryOnlyAt, null, null, null, provenance);
  }

  /** The first image of each identity in {@code identities.txt}, in file order. */
  private static List<Path> firstPerIdentity(Path celeba) {
    List<Path> firsts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      for (String line : Files.readAllLines(celeba.resolve("identities.txt"))) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length == 2 && seen.add(fields[1])) {
          firsts.add(celeba.resolve("images").resolve(fields[0]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + celeba.resolve("identities.txt"), e);
    }
    return firsts;
  }
}
