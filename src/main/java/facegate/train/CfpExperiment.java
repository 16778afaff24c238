package facegate.train;

import ai.djl.Device;
import facegate.core.FaceViewSynthesizer;
import facegate.embed.DlibTail;
import facegate.embed.TrainableNetwork;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one harness of the profile fine-tuning experiments ({@code finetune-cfp}, {@code experiment
 * pose-augmentation}): for every recipe variant, augmentation policy, training-people set, seed and
 * CFP test fold, the tail fine-tuning of {@link CfpCrossValidation}, after the import's own line
 * per fold. A policy is {@code none} or components joined by {@code +} ({@code classic}, {@code
 * 3d}, {@code rr}, {@code gan}: {@link TrainingViews}, made once per component and seed and cached
 * under {@code viewCache}). Runs whose key is already done are skipped, so an interrupted table
 * resumes.
 */
public final class CfpExperiment {
  /** Training people: CFP only, or CFP plus the extra (LFW / CelebA) people. */
  public static final String CFP_ONLY = "cfp";

  /** CFP plus the screened extra people. */
  public static final String WITH_EXTRA = "cfp+extra";

  private final Path model;
  private final CfpInputs inputs;
  private final Path viewCache;
  private final ViewSynthesizers synthesizers;
  private final PrintStream log;
  private final Map<String, TrainingViews> views = new LinkedHashMap<>();
  private final Map<String, FaceViewSynthesizer> opened = new LinkedHashMap<>();

  /**
   * The runs to make.
   *
   * @param recipes one config per variant (their seeds are replaced by {@code seeds})
   * @param folds CFP test folds, from 0
   */
  public record Plan(
      List<TailTrainingConfig> recipes,
      List<String> policies,
      List<String> peopleSets,
      List<Long> seeds,
      List<Integer> folds) {
    public Plan {
      recipes = List.copyOf(recipes);
      policies = List.copyOf(policies);
      peopleSets = List.copyOf(peopleSets);
      seeds = List.copyOf(seeds);
      folds = List.copyOf(folds);
      for (String people : peopleSets) {
        if (!people.equals(CFP_ONLY) && !people.equals(WITH_EXTRA)) {
          throw new IllegalArgumentException("people set " + people + ": use cfp or cfp+extra");
        }
      }
    }
  }

  /** One run's line: its labels and the fold's result. */
  public record Row(
      String variant,
      String policy,
      String people,
      long seed,
      CfpCrossValidation.FoldResult result) {
    /** The key under which the run counts as done. */
    public String key() {
      return key(variant, policy, people, seed, result.fold());
    }

    static String key(String variant, String policy, String people, long seed, int fold) {
      return String.join(
          "\t", variant, policy, people, Long.toString(seed), Integer.toString(fold));
    }

    /** Tab-separated, as {@link FinetuneTable} reads it. */
    public String line() {
      CfpCrossValidation.FoldResult r = result;
      TailTrainer.Result t = r.training();
      return String.format(
          Locale.ROOT,
          "%s\t%s\t%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%d\t%d\t%.1f\t%.3f\t%.4f\t%s",
          variant,
          policy,
          people,
          seed,
          r.fold() + 1,
          r.frontalProfile(),
          r.frontalFrontal(),
          r.lfw(),
          r.people(),
          t == null ? 0 : t.steps(),
          t == null ? Double.NaN : t.imagesPerSecond(),
          t == null ? Double.NaN : t.activeFraction(),
          t == null ? Double.NaN : t.spread(),
          r.collapse() == null ? "-" : r.collapse().replace('\t', ' '));
    }
  }

  public CfpExperiment(
      Path model,
      CfpInputs inputs,
      Path viewCache,
      ViewSynthesizers synthesizers,
      PrintStream log) {
    this.model = model;
    this.inputs = inputs;
    this.viewCache = viewCache;
    this.synthesizers = synthesizers;
    this.log = log;
  }

  /**
   * Runs {@code plan}, skipping keys in {@code done} (lines of an earlier results file, the first
   * five fields), and hands each row to {@code out} as soon as it is finished.
   */
  public void run(Plan plan, Set<String> done, Consumer<Row> out) {
    CfpCrossValidation validation = new CfpCrossValidation(model, inputs, log);
    for (int fold : plan.folds()) {
      if (!done.contains(Row.key(FinetuneTable.IMPORTED, "-", "-", 0, fold))) {
        out.accept(new Row(FinetuneTable.IMPORTED, "-", "-", 0, validation.imported(fold)));
      }
    }
    try {
      for (TailTrainingConfig recipe : plan.recipes()) {
        for (String policy : plan.policies()) {
          for (String people : plan.peopleSets()) {
            for (long seed : plan.seeds()) {
              for (int fold : plan.folds()) {
                if (done.contains(Row.key(recipe.label(), policy, people, seed, fold))) {
                  continue;
                }
                log.printf(
                    "run %s policy=%s people=%s seed=%d fold=%d%n",
                    recipe.label(), policy, people, seed, fold + 1);
                CfpCrossValidation.FoldResult result =
                    validation.tuned(
                        fold,
                        recipe.withSeed(seed),
                        views(policy, seed, plan.peopleSets().contains(WITH_EXTRA)),
                        people.equals(WITH_EXTRA));
                out.accept(new Row(recipe.label(), policy, people, seed, result));
              }
            }
          }
        }
      }
    } finally {
      closeSynthesizers();
    }
  }

  /** The components of a policy: none for {@code none}. */
  public static List<String> components(String policy) {
    if (policy.equals("none")) {
      return List.of();
    }
    List<String> parts = List.of(policy.split("\\+"));
    for (String part : parts) {
      if (!part.equals(TrainingViews.CLASSIC) && !ViewSynthesizers.RESERVED.contains(part)) {
        throw new IllegalArgumentException(
            "unknown policy part '" + part + "': use none, classic, 3d, rr, gan or a + of them");
      }
    }
    return parts;
  }

  /**
   * The views of each component of {@code policy} for {@code seed}, made or loaded once: of the CFP
   * faces, and of the extra faces too when {@code withExtra}.
   */
  List<TrainingViews> views(String policy, long seed, boolean withExtra) {
    List<TrainingViews> chosen = new ArrayList<>();
    for (String component : components(policy)) {
      chosen.add(
          views.computeIfAbsent(
              component + "#" + seed + "#" + withExtra, k -> make(component, seed, withExtra)));
    }
    return chosen;
  }

  private TrainingViews make(String component, long seed, boolean withExtra) {
    FaceViewSynthesizer synthesizer =
        component.equals(TrainingViews.CLASSIC)
            ? null
            : opened.computeIfAbsent(component, synthesizers::create);
    int count = withExtra ? inputs.pool().size() : inputs.cfp().size();
    List<FaceSample> pool = inputs.pool().subList(0, count);
    int[] last = {0};
    try (TrainableNetwork network = TrainableNetwork.load(model, Device.cpu());
        DlibTail tail = DlibTail.of(network)) {
      return TrainingViews.loadOrCompute(
          viewCache,
          inputs.trunkKey(),
          component,
          seed,
          pool,
          java.util.Arrays.copyOf(inputs.poolProfile(), count),
          java.util.Arrays.copyOf(inputs.poolFeatures(), 2 * count),
          TrainingViews.maker(component, synthesizer),
          tail,
          done -> {
            if (done - last[0] >= 512 || done == pool.size()) {
              log.printf("views %s seed %d: %d faces%n", component, seed, done);
              last[0] = done;
            }
          });
    }
  }

  private void closeSynthesizers() {
    for (FaceViewSynthesizer synthesizer : opened.values()) {
      if (synthesizer instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          log.println("cannot close " + synthesizer.name() + ": " + e.getMessage());
        }
      }
    }
    opened.clear();
  }
}
