package facegate.cli;

import facegate.embed.DjlFaceEmbedder;
import facegate.eval.PairsProtocol;
import facegate.eval.PoseAblation;
import facegate.eval.PoseGroupAccuracy;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.PoseBucket;
import facegate.train.FaceSample;
import facegate.train.PairScoring;
import facegate.train.ThresholdAccuracy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code experiment pose-augmentation}: trains the from-scratch network under each augmentation
 * policy with several seeds and one step budget (each run a {@code train} child process, the recipe
 * of {@code models/scratch}), scores each model on the held-out fold's pairs, all of them and
 * grouped by pose (yaw of each face from its cached landmarks), and writes {@code runs.tsv}, the
 * markdown table {@code table.md} (mean ± sd over seeds) and {@code accuracy-by-pose-group.png}.
 * Finished runs (their {@code model.json} and test line present) are not trained again.
 */
@Command(
    name = "pose-augmentation",
    mixinStandardHelpOptions = true,
    description = "Ablation of pose augmentation policies: train with each, test by pose group.")
final class PoseAugmentationExperiment implements Callable<Integer> {
  @Mixin DatasetOptions datasets;

  @Option(names = "--policies", split = ",", defaultValue = "none,classic,3d,gan,3d+gan")
  List<String> policies;

  @Option(names = "--seeds", split = ",", defaultValue = "1,2,3")
  List<Long> seeds;

  @Option(names = "--max-steps", defaultValue = "600", description = "Budget of every run.")
  int maxSteps;

  @Option(
      names = "--train-options",
      defaultValue = TrainingRecipe.SCRATCH,
      description = "Other `train` options of every run (default: ${DEFAULT-VALUE}).")
  String trainOptions;

  @Option(names = "--test-pairs", required = true)
  Path testPairs;

  @Option(names = "--test-fold", defaultValue = "1")
  int testFold;

  @Option(names = "--test-images", required = true)
  Path testImages;

  @Option(names = "--jobs", defaultValue = "2", description = "Runs at once (one thread each).")
  int jobs;

  @Option(names = "--out", defaultValue = "docs/results/pose-augmentation")
  Path out;

  /** The training options shared by the runs (the models/scratch recipe, budget aside). */
  static final class TrainingRecipe {
    static final String SCRATCH =
        "--input-size 64 --p 16 --k 4 --lr 0.001 --miner batch-all --validate-every 150"
            + " --patience 1000 --validation-pairs 300 --max-minutes 100000";

    private TrainingRecipe() {}
  }

  @Override
  public Integer call() throws Exception {
    List<FaceSample> samples = datasets.loadOrBuild("crops");
    List<String[]> plan = new ArrayList<>();
    for (String policy : policies) {
      for (long seed : seeds) {
        plan.add(new String[] {policy, Long.toString(seed)});
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
    List<Future<Path>> runs = new ArrayList<>();
    for (String[] run : plan) {
      runs.add(pool.submit(() -> trainOnce(run[0], Long.parseLong(run[1]))));
    }
    pool.shutdown();
    List<PairsProtocol.Pair> fold =
        PairsProtocol.read(testPairs).pairs().stream()
            .filter(p -> p.fold() == testFold - 1)
            .toList();
    FoldPairs pairs = FoldPairs.of(fold, testImages);
    List<String> groups = poseGroups(pairs, samples);
    List<PoseAblation.Run> results = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      Path dir = runs.get(i).get();
      results.add(
          score(plan.get(i)[0], Long.parseLong(plan.get(i)[1]), dir, pairs, groups, samples));
    }
    List<String> columns = new ArrayList<>();
    columns.add(PoseAblation.ALL_PAIRS);
    columns.addAll(PoseGroupAccuracy.GROUPS);
    String table = PoseAblation.table(results, columns);
    Files.createDirectories(out);
    Files.writeString(out.resolve("table.md"), table, StandardCharsets.UTF_8);
    Files.write(
        out.resolve("accuracy-by-pose-group.png"),
        PoseAblation.chart(
            results,
            columns,
            "LFW fold " + testFold + ": accuracy by pose group (" + maxSteps + " steps)"));
    writeRuns(results, columns);
    System.out.print(table);
    return 0;
  }

  /** Trains one (policy, seed) in a child process unless it is done; returns its folder. */
  private Path trainOnce(String policy, long seed) throws IOException, InterruptedException {
    Path dir = out.resolve("runs").resolve(policy.replace('+', '-') + "-s" + seed);
    Path stdout = dir.resolve("stdout.txt");
    if (Files.isRegularFile(dir.resolve("model.json"))
        && Files.isRegularFile(stdout)
        && Files.readString(stdout).contains("test-accuracy=")) {
      return dir;
    }
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx3g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(FacegateCommand.class.getName(), "train"));
    command.addAll(datasets.asArguments());
    command.addAll(List.of(trainOptions.trim().split("\\s+")));
    command.addAll(
        List.of(
            "--augment", policy,
            "--seed", Long.toString(seed),
            "--max-steps", Integer.toString(maxSteps),
            "--test-pairs", testPairs.toString(),
            "--test-fold", Integer.toString(testFold),
            "--test-images", testImages.toString(),
            "--out", dir.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(dir.resolve("log.txt").toFile())
            .start();
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "train " + policy + " seed " + seed + " failed (exit " + exit + "): see " + dir);
    }
    return dir;
  }

  /**
   * The pose group of each pair, from the yaw of its two faces' cached landmarks (the same for
   * every run).
   */
  private static List<String> poseGroups(FoldPairs pairs, List<FaceSample> samples) {
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    Map<String, FaceSample> bySource = new HashMap<>();
    samples.forEach(s -> bySource.put(s.source(), s));
    Map<String, PoseBucket> bucketOf = new HashMap<>();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < pairs.same().length; i++) {
      PoseBucket[] ends = new PoseBucket[2];
      String[] images = {pairs.left().get(i), pairs.right().get(i)};
      for (int side = 0; side < 2; side++) {
        FaceSample face = bySource.get(images[side]);
        ends[side] =
            face == null
                ? null
                : bucketOf.computeIfAbsent(
                    images[side], k -> poses.estimate(face.chipLandmarks()).bucket());
      }
      groups.add(PoseGroupAccuracy.group(ends[0], ends[1]));
    }
    return groups;
  }

  /** The run's model on the fold's pairs, all and by pose group, at its validation threshold. */
  private PoseAblation.Run score(
      String policy,
      long seed,
      Path dir,
      FoldPairs fold,
      List<String> groupOfPair,
      List<FaceSample> samples) {
    List<String> left = fold.left();
    List<String> right = fold.right();
    boolean[] same = fold.same();
    double[] scores;
    double threshold;
    try (DjlFaceEmbedder embedder = DjlFaceEmbedder.load(dir, 1, 32)) {
      scores = PairScoring.score(embedder, samples, left, right);
      threshold = embedder.verifyThreshold().orElseThrow();
    }
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    members.put(PoseAblation.ALL_PAIRS, new ArrayList<>());
    PoseGroupAccuracy.GROUPS.forEach(g -> members.put(g, new ArrayList<>()));
    for (int i = 0; i < same.length; i++) {
      members.get(PoseAblation.ALL_PAIRS).add(i);
      members.get(groupOfPair.get(i)).add(i);
    }
    Map<String, Double> accuracy = new LinkedHashMap<>();
    Map<String, Integer> pairs = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> group : members.entrySet()) {
      List<Integer> indices = group.getValue();
      double[] groupScores = indices.stream().mapToDouble(i -> scores[i]).toArray();
      boolean[] groupSame = new boolean[indices.size()];
      for (int k = 0; k < indices.size(); k++) {
        groupSame[k] = same[indices.get(k)];
      }
      pairs.put(group.getKey(), indices.size());
      accuracy.put(
          group.getKey(),
          indices.isEmpty()
              ? Double.NaN
              : ThresholdAccuracy.accuracy(groupScores, groupSame, threshold));
    }
    return new PoseAblation.Run(policy, seed, accuracy, pairs);
  }

  private void writeRuns(List<PoseAblation.Run> results, List<String> columns) throws IOException {
    StringBuilder tsv = new StringBuilder("policy\tseed");
    columns.forEach(c -> tsv.append('\t').append(c));
    tsv.append('\n');
    for (PoseAblation.Run run : results) {
      tsv.append(run.policy()).append('\t').append(run.seed());
      for (String column : columns) {
        tsv.append('\t')
            .append(String.format(Locale.ROOT, "%.4f", run.accuracyByGroup().get(column)));
      }
      tsv.append('\n');
    }
    Files.writeString(out.resolve("runs.tsv"), tsv.toString(), StandardCharsets.UTF_8);
  }

  /** {@code experiment}: the parent of research experiments. */
  @Command(
      name = "experiment",
      mixinStandardHelpOptions = true,
      description = "Research experiments.",
      subcommands = {PoseAugmentationExperiment.class})
  static final class Group implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(System.err);
      return 2;
    }
  }
}
