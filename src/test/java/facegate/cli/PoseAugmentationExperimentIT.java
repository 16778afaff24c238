package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code experiment pose-augmentation} at smoke scale on the fixtures: two policies × two seeds of
 * two steps each (child {@code train} processes), tested on a four-pair fold of two people left out
 * of training; the table, the chart and the per-run file are written, and a second call reuses the
 * finished runs instead of training again.
 */
class PoseAugmentationExperimentIT {
  private static final Path LFW = Path.of("src/test/resources/fixtures/lfw");

  @TempDir Path work;

  private CliRun experiment(Path pairs, Path out) {
    return CliRun.of(
        "experiment",
        "pose-augmentation",
        "--folder-dataset",
        LFW.toString(),
        "--crop-cache",
        work.resolve("crops").toString(),
        "--policies",
        "none,3d",
        "--seeds",
        "1,2",
        "--max-steps",
        "2",
        "--train-options",
        "--input-size 32 --p 4 --k 2 --validate-every 2 --validation-fraction 0.3"
            + " --validation-pairs 10 --miner batch-all",
        "--test-pairs",
        pairs.toString(),
        "--test-images",
        LFW.toString(),
        "--out",
        out.toString());
  }

  @Test
  void trainsEachPolicyAndSeedAndTabulatesByPoseGroup() throws Exception {
    Path pairs = work.resolve("pairs.txt");
    Files.writeString(
        pairs,
        "1\t2\nAngela_Bassett\t1\t3\nBoris_Becker\t2\t3\n"
            + "Angela_Bassett\t1\tBoris_Becker\t2\nAngela_Bassett\t3\tBoris_Becker\t3\n");
    Path out = work.resolve("out");
    CliRun first = experiment(pairs, out);
    assertEquals(0, first.exit(), first.out() + "\n" + first.err());
    String table = Files.readString(out.resolve("table.md"));
    assertTrue(table.contains("| policy | seeds | all pairs (4 pairs) |"), table);
    assertTrue(table.contains("| none | [1, 2] |"), table);
    assertTrue(table.contains("| 3d | [1, 2] |"), table);
    assertTrue(Files.size(out.resolve("accuracy-by-pose-group.png")) > 0);
    List<String> runs = Files.readAllLines(out.resolve("runs.tsv"));
    assertEquals(5, runs.size(), String.join("\n", runs));
    for (String run : runs.subList(1, runs.size())) {
      double all = Double.parseDouble(run.split("\t")[2]);
      assertTrue(all >= 0 && all <= 1, run);
    }

    Path log = out.resolve("runs/none-s1/log.txt");
    long trainedAt = Files.getLastModifiedTime(log).toMillis();
    CliRun second = experiment(pairs, out);
    assertEquals(0, second.exit(), second.err());
    assertEquals(trainedAt, Files.getLastModifiedTime(log).toMillis(), "a finished run is reused");
    assertEquals(table, Files.readString(out.resolve("table.md")));
  }
}
