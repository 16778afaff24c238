package facegate.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code experiment pose-augmentation}: the augmentation-policy ablation on the profile fine-tuning
 * recipe of {@code finetune-cfp} (one harness, {@link FinetuneOptions}; the policies are a
 * parameter of the recipe): by default policies none, classic, 3d, rr and 3d+rr, seeds 1-3, CFP
 * folds 1-5. Appends the runs to {@code OUT/runs.tsv} (resuming) and writes {@code OUT/table.md}:
 * per policy CFP-FP, CFP-FF and LFW as mean ± sd and the paired difference to {@code none}.
 */
@Command(
    name = "pose-augmentation",
    mixinStandardHelpOptions = true,
    description = "Ablation of augmentation policies on the profile fine-tuning recipe.")
final class PoseAugmentationExperiment implements Callable<Integer> {
  /** The default policies of the ablation. */
  static final String POLICIES = "none,classic,3d,rr,3d+rr";

  @Mixin FinetuneOptions recipe;

  @Option(names = "--out", defaultValue = "docs/results/pose-augmentation")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path runs = out.resolve("runs.tsv");
    recipe.run(runs, java.util.List.of(POLICIES.split(",")), java.util.List.of(1L, 2L, 3L));
    String table = FinetuneOptions.table(runs);
    Files.writeString(out.resolve("table.md"), table, StandardCharsets.UTF_8);
    System.out.print(table);
    return 0;
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
