package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code experiment pose-augmentation} at smoke scale through the real command: a CFP-layout folder
 * made of ten fixture people (third photo labelled profile, two pairs per protocol fold), LFW pairs
 * over the same photos under their LFW names and two LFW people in no pair as extra people;
 * policies none, classic, 3d, rr and 3d+rr, seed 1, two steps on CFP folds 1 and 2. The per-run
 * file has the import's line per fold and one line per policy and fold with accuracies in [0, 1],
 * the table a row per policy, the pose views are cached per component, and a second call trains
 * nothing and leaves the file as it was.
 */
class PoseAugmentationExperimentIT {
  private static final Path LFW = Path.of("src/test/resources/fixtures/lfw");
  private static final List<String> POLICIES = List.of("none", "classic", "3d", "rr", "3d+rr");

  @TempDir Path work;

  private CliRun experiment(Path cfp, Path lfwPairs) {
    return CliRun.of(
        "experiment",
        "pose-augmentation",
        "--cfp",
        cfp.toString(),
        "--lfw-images",
        LFW.toString(),
        "--lfw-pairs",
        lfwPairs.toString(),
        "--crop-cache",
        work.resolve("crops").toString(),
        "--feature-cache",
        work.resolve("trunk").toString(),
        "--policies",
        String.join(",", POLICIES),
        "--people",
        "cfp+extra",
        "--seeds",
        "1",
        "--folds",
        "1,2",
        "--steps",
        "2",
        "--warmup-steps",
        "1",
        "--p",
        "4",
        "--k",
        "2",
        "--out",
        work.resolve("out").toString());
  }

  @Test
  void tabulatesEveryPolicyPerFoldAndResumes() throws Exception {
    List<String> people = lfwPeople();
    Path cfp = cfpFolder(people.subList(0, 10));
    Path lfwPairs = work.resolve("lfw-pairs.txt");
    StringBuilder pairs = new StringBuilder("5\t1\n");
    for (int f = 0; f < 5; f++) {
      pairs.append(people.get(f)).append("\t1\t2\n");
      pairs.append(people.get(f)).append("\t1\t").append(people.get(f + 5)).append("\t1\n");
    }
    Files.writeString(lfwPairs, pairs);

    CliRun first = experiment(cfp, lfwPairs);
    assertEquals(0, first.exit(), first.out() + "\n" + first.err());
    Path runsFile = work.resolve("out/runs.tsv");
    List<String> runs = Files.readAllLines(runsFile);
    assertEquals(2 + POLICIES.size() * 2, runs.size(), String.join("\n", runs));
    for (String run : runs) {
      String[] f = run.split("\t");
      boolean imported = f[0].equals("imported");
      assertTrue(imported || POLICIES.contains(f[1]), run);
      assertEquals(imported ? "-" : "cfp+extra", f[2], run);
      assertTrue(f[4].equals("1") || f[4].equals("2"), "fold: " + run);
      for (int column = 5; column <= 7; column++) {
        double accuracy = Double.parseDouble(f[column]);
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy out of [0, 1]: " + run);
      }
      if (!imported) {
        assertEquals("2", f[9], "steps: " + run);
        assertTrue(Integer.parseInt(f[8]) >= 8, "8 CFP people per training fold: " + run);
        assertEquals("-", f[13], "collapsed: " + run);
      }
    }
    String table = Files.readString(work.resolve("out/table.md"));
    assertTrue(table.contains("| imported | - | - | [0] | 2 |"), table);
    for (String policy : POLICIES) {
      assertTrue(table.contains("| " + policy + " | cfp+extra | [1] | 2 |"), table);
    }
    try (Stream<Path> views = Files.list(work.resolve("trunk/views"))) {
      List<String> names = views.map(p -> p.getFileName().toString()).sorted().toList();
      for (String component : List.of("3d", "classic", "rr")) {
        assertTrue(
            names.stream().anyMatch(n -> n.startsWith(component + "-s1-n")), names.toString());
      }
    }

    CliRun second = experiment(cfp, lfwPairs);
    assertEquals(0, second.exit(), second.err());
    assertFalse(second.err().contains("run semi-hard"), "a finished run was trained again");
    assertEquals(runs, Files.readAllLines(runsFile));
    assertEquals(table, Files.readString(work.resolve("out/table.md")));
  }

  private static List<String> lfwPeople() throws IOException {
    try (Stream<Path> folders = Files.list(LFW)) {
      return folders.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * A CFP-layout folder: person {@code cfp00N} is fixture person N's three photos, the third
   * labelled profile; fold f's pairs are person 2f-1 with itself and with person 2f.
   */
  private Path cfpFolder(List<String> people) throws IOException {
    Path cfp = work.resolve("cfp");
    List<String> poses = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= people.size(); n++) {
      String id = String.format("cfp%03d", n);
      Path folder = Files.createDirectories(cfp.resolve("images").resolve(id));
      try (Stream<Path> photos = Files.list(LFW.resolve(people.get(n - 1)))) {
        List<Path> sorted = photos.sorted().toList();
        for (int k = 1; k <= 3; k++) {
          String file = String.format("%s_%04d.jpg", id, k);
          Files.copy(sorted.get(k - 1), folder.resolve(file));
          poses.add(id + "/" + file + "\t" + (k == 3 ? "profile" : "frontal"));
        }
      }
      names.add(id + "\tCFP person " + n);
    }
    Files.write(cfp.resolve("poses.tsv"), poses);
    Files.write(cfp.resolve("names.tsv"), names);
    Files.createDirectories(cfp.resolve("protocol"));
    for (String protocol : List.of("FP", "FF")) {
      int other = protocol.equals("FP") ? 3 : 2;
      StringBuilder pairs = new StringBuilder("5\t1\n");
      for (int f = 1; f <= 5; f++) {
        String a = String.format("cfp%03d", 2 * f - 1);
        String b = String.format("cfp%03d", 2 * f);
        pairs.append(a).append("\t1\t").append(other).append('\n');
        pairs.append(a).append("\t1\t").append(b).append('\t').append(other).append('\n');
      }
      Files.writeString(cfp.resolve("protocol/pairs-" + protocol + "-folds1-5.txt"), pairs);
    }
    return cfp;
  }
}
