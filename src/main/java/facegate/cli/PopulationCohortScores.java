package facegate.cli;

import facegate.api.FacegateConfiguration;
import facegate.embed.NormalizationCard;
import facegate.eval.CohortScores;
import facegate.eval.PopulationPlan;
import facegate.gallery.Gallery;
import facegate.gallery.TemplateCohort;
import facegate.pipeline.FaceRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * {@code population-check --cohort-scores}: the {@link CohortScores} of each answered attempt,
 * computed in the running service's process with its recognizer (the probe embedded with its mirror
 * image, as a normalising verify embeds it), its gallery and its default cohort less the measured
 * data set.
 */
final class PopulationCohortScores {
  /** Cohort cosines kept per face: enough for any top-k up to 100. */
  static final int DEPTH = 100;

  private PopulationCohortScores() {}

  /** The TSV: claimed, photo, genuine, then {@link CohortScores#TSV_HEADER}'s columns. */
  static String of(
      LocalServer server,
      String dataset,
      List<PopulationPlan.Attempt> attempts,
      ExecutorService pool)
      throws Exception {
    FacegateConfiguration configuration = server.bean(FacegateConfiguration.class);
    Path modelDir = Path.of(configuration.modelsDir()).resolve(configuration.model());
    NormalizationCard card =
        NormalizationCard.read(modelDir)
            .orElseThrow(() -> new IllegalArgumentException(modelDir + " has no cohort"));
    TemplateCohort defaults =
        TemplateCohort.read(card.cohortPath(modelDir)).without(Set.of(dataset));
    FaceRecognizer recognizer = server.bean(FaceRecognizer.class);
    Gallery gallery = server.bean(Gallery.class);
    List<Future<String>> rows = new ArrayList<>();
    for (PopulationPlan.Attempt attempt : attempts) {
      rows.add(
          pool.submit(
              () -> {
                var probe = recognizer.largestFace(Files.readAllBytes(attempt.photo()));
                return attempt.claimedId()
                    + "\t"
                    + attempt.photo().getFileName()
                    + "\t"
                    + attempt.genuine()
                    + "\t"
                    + CohortScores.of(
                            probe.embedding(), attempt.claimedId(), gallery, defaults, DEPTH)
                        .tsv();
              }));
    }
    StringBuilder tsv =
        new StringBuilder("claimed\tphoto\tgenuine\t" + CohortScores.TSV_HEADER + "\n");
    for (Future<String> row : rows) {
      tsv.append(row.get()).append('\n');
    }
    return tsv.toString();
  }
}
