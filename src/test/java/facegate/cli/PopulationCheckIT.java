package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.eval.CohortScores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code population-check --cohort-scores} end to end on the LFW fixtures (10 people): the service
 * answers over HTTP with normalisation on, and the saved cohort cosines recompute each answer's
 * normalised score (k = 50, the gallery of 9 other people joins the default cohort).
 */
class PopulationCheckIT {
  @TempDir Path out;

  @Test
  void savedCohortScoresReproduceTheServiceScores() throws Exception {
    CliRun run =
        CliRun.of(
            "population-check",
            "--dataset",
            "lfw=src/test/resources/fixtures/lfw",
            "--people",
            "10",
            "--genuine",
            "1",
            "--impostors",
            "1",
            "--concurrency",
            "1",
            "--cohort-scores",
            "--out",
            out.toString());
    assertEquals(0, run.exit(), run.err());
    Map<String, double[]> answers = new HashMap<>(); // claimed + photo -> cosine, normalised
    for (String line : rows(out.resolve("lfw.tsv"))) {
      String[] f = line.split("\t");
      answers.put(
          f[0] + "/" + f[1], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
    }
    List<String> cohort = rows(out.resolve("lfw-cohort.tsv"));
    assertEquals(answers.size(), cohort.size());
    assertTrue(cohort.size() >= 15, "attempts: " + cohort.size());
    for (String line : cohort) {
      String[] f = line.split("\t", -1);
      CohortScores scores =
          new CohortScores(
              Double.parseDouble(f[3]),
              Integer.parseInt(f[4]),
              list(f[5]),
              list(f[6]),
              list(f[7]),
              list(f[8]));
      double[] answer = answers.get(f[0] + "/" + f[1]);
      assertEquals(9, scores.otherPeople());
      assertEquals(100, scores.probeDefault().length);
      assertEquals(9, scores.probeGallery().length);
      assertEquals(answer[0], scores.raw(), 1e-5, line);
      assertEquals(answer[1], scores.normalized(50, 200), 2e-3, line);
    }
  }

  private static List<String> rows(Path tsv) throws Exception {
    List<String> lines = Files.readAllLines(tsv);
    return lines.subList(1, lines.size());
  }

  private static double[] list(String field) {
    return Arrays.stream(field.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
