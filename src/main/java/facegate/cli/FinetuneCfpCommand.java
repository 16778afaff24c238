package facegate.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code finetune-cfp}: 5-fold cross-validation of the tail fine-tuning (stage 4 and head of the
 * dlib ResNet on cached trunk features) over CFP's folds, against the imported network, for each
 * variant, policy, people set and seed ({@link FinetuneOptions}); appends one line per run to
 * {@code --results} (runs already there are skipped). {@code --summarise FILE} prints the table.
 */
@Command(
    name = "finetune-cfp",
    mixinStandardHelpOptions = true,
    description = "Cross-validated tail fine-tuning on CFP's profiles, against the import.")
final class FinetuneCfpCommand implements Callable<Integer> {
  @Mixin FinetuneOptions recipe;

  @Option(
      names = "--results",
      defaultValue = "target/finetune-cfp.tsv",
      description = "TSV file the runs are appended to (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--summarise", description = "Print the table of a --results file and stop.")
  Path summarise;

  @Override
  public Integer call() {
    if (summarise != null) {
      System.out.print(FinetuneOptions.table(summarise));
      return 0;
    }
    recipe.run(results, java.util.List.of("none"), java.util.List.of(1L));
    System.out.print(FinetuneOptions.table(results));
    return 0;
  }
}
