package facegate.cli;

import com.google.gson.JsonObject;
import facegate.embed.TrainableNetwork;
import facegate.eval.PairsProtocol;
import facegate.train.AugmentationPolicy;
import facegate.train.EmbeddingTrainer;
import facegate.train.FaceSample;
import facegate.train.HeldOutTest;
import facegate.train.IdentitySplit;
import facegate.train.TrainingConfig;
import facegate.train.TrainingListener;
import facegate.train.TrainingManifest;
import facegate.train.TrainingResult;
import facegate.train.TrainingStart;
import facegate.train.TripletMiner;
import facegate.train.ViewSynthesizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train}: trains an embedding network with a triplet loss (from scratch, or fine-tuning a
 * model folder) on aligned-crop caches; writes the best weights and model.json into {@code --out}.
 * With {@code --test-pairs/--test-fold}, that fold's people are left out of training and its pairs
 * are scored at the end (person-disjoint cross-validation). Last line: the summary.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains an embedding network with a triplet loss.")
final class TrainCommand implements Callable<Integer> {
  @Mixin DatasetOptions datasets;

  @Option(names = "--out", required = true, description = "Output model folder.")
  Path out;

  @Option(names = "--base-model", description = "Model folder to fine-tune (else from scratch).")
  Path baseModel;

  @Option(
      names = "--architecture",
      defaultValue = "facegate-small-resnet",
      description = "From-scratch architecture (default: ${DEFAULT-VALUE}).")
  String architecture;

  @Option(
      names = "--input-size",
      defaultValue = "64",
      description = "From-scratch input side, px (default: ${DEFAULT-VALUE}).")
  int inputSize;

  @Option(
      names = "--miner",
      defaultValue = "batch-hard",
      description =
          "batch-all, batch-hard, semi-hard or soft-margin (batch-hard with log(1+exp))"
              + " (default: ${DEFAULT-VALUE}).")
  String miner;

  @Option(names = "--margin", defaultValue = "0.2", description = "Hinge margin (default: 0.2).")
  float margin;

  @Option(names = "--p", defaultValue = "16", description = "Identities per batch (default: 16).")
  int identitiesPerBatch;

  @Option(names = "--k", defaultValue = "4", description = "Images per identity (default: 4).")
  int imagesPerIdentity;

  @Option(names = "--max-steps", defaultValue = "2000", description = "Steps at most.")
  int maxSteps;

  @Option(names = "--max-minutes", defaultValue = "10", description = "Time budget, minutes.")
  double maxMinutes;

  @Option(names = "--lr", defaultValue = "0.001", description = "Peak learning rate (Adam).")
  float learningRate;

  @Option(
      names = "--backbone-lr-factor",
      defaultValue = "0.1",
      description = "Backbone learning rate / head learning rate when fine-tuning.")
  float backboneFactor;

  @Option(
      names = "--freeze-stages",
      defaultValue = "0",
      description = "Residual stages frozen when fine-tuning.")
  int frozenStages;

  @Option(
      names = "--augment",
      defaultValue = "classic",
      description = "none, classic, 3d, gan, or a + of them (default: ${DEFAULT-VALUE}).")
  String augment;

  @Option(names = "--seed", defaultValue = "1", description = "The one seed (default: 1).")
  long seed;

  @Option(names = "--validate-every", defaultValue = "100", description = "Steps between checks.")
  int validationEvery;

  @Option(names = "--patience", defaultValue = "5", description = "Checks without improvement.")
  int patience;

  @Option(
      names = "--validation-fraction",
      defaultValue = "0.1",
      description = "Identities held aside for validation.")
  double validationFraction;

  @Option(
      names = "--validation-pairs",
      defaultValue = "300",
      description = "Same-person validation pairs (as many different ones; default: 300).")
  int validationPairs;

  @Option(names = "--resume", description = "Continue from --out/checkpoint.")
  boolean resume;

  @Option(names = "--test-pairs", description = "LFW pairs file of the cross-validation folds.")
  Path testPairs;

  @Option(names = "--test-fold", defaultValue = "0", description = "Fold held out (1-based).")
  int testFold;

  @Option(
      names = "--test-images",
      description = "The image folder the pairs refer to (the LFW --folder-dataset).")
  Path testImages;

  @Override
  public Integer call() {
    ViewSynthesizers synthesizers = ViewSynthesizers.defaults();
    AugmentationPolicy policy = AugmentationPolicy.parse(augment, synthesizers);
    List<FaceSample> samples = datasets.loadOrBuild("crops");
    List<PairsProtocol.Pair> fold = testFold();
    Set<String> excluded = new HashSet<>();
    for (PairsProtocol.Pair pair : fold) {
      excluded.add(pair.left(testImages).getParent().getFileName().toString());
      excluded.add(pair.right(testImages).getParent().getFileName().toString());
    }
    IdentitySplit split = IdentitySplit.of(samples, validationFraction, seed, excluded);
    TrainingConfig config = config();
    TrainingStart start = TrainingStart.open(out, resume, baseModel, architecture, inputSize);
    TrainableNetwork network = start.network();
    JsonObject provenance =
        TrainingManifest.provenance(
            split,
            GitCommit.head(),
            datasets.fingerprint(),
            excluded.size(),
            baseModel,
            datasetNames());
    TrainingResult result;
    try (network) {
      EmbeddingTrainer trainer = new EmbeddingTrainer(config, network, split, policy, provenance);
      System.err.printf(
          Locale.ROOT,
          "training %s on %d images of %d identities (validation: %d images), %s%n",
          network.architecture().id(),
          split.training().size(),
          split.training().stream().map(FaceSample::identity).distinct().count(),
          split.validation().size(),
          config.objective());
      result = trainer.train(out, start.startStep(), listener());
    }
    System.out.printf(
        Locale.ROOT,
        "objective=%s steps=%d best-step=%d validation-accuracy=%.4f threshold=%.4f"
            + " images/s=%.1f loss=%.4f active=%.3f stopped-early=%s%n",
        config.objective(),
        result.steps(),
        result.bestStep(),
        result.validationAccuracy(),
        result.threshold(),
        result.imagesPerSecond(),
        result.finalLoss(),
        result.finalActiveFraction(),
        result.stoppedEarly());
    if (!fold.isEmpty()) {
      test(fold, samples, split, result.threshold());
    }
    return 0;
  }

  private String datasetNames() {
    List<String> names = new ArrayList<>();
    datasets.folderDatasets.forEach(p -> names.add(p.toString()));
    datasets.listDatasets.forEach(p -> names.add(p.toString()));
    return String.join(", ", names);
  }

  private TrainingConfig config() {
    boolean soft = "soft-margin".equals(miner);
    TripletMiner chosen =
        soft
            ? TripletMiner.BATCH_HARD
            : TripletMiner.valueOf(miner.toUpperCase(Locale.ROOT).replace('-', '_'));
    return new TrainingConfig(
        baseModel,
        architecture,
        inputSize,
        chosen,
        soft,
        margin,
        identitiesPerBatch,
        imagesPerIdentity,
        maxSteps,
        maxMinutes,
        learningRate,
        backboneFactor,
        frozenStages,
        augment,
        seed,
        validationEvery,
        patience,
        validationFraction,
        validationPairs);
  }

  private List<PairsProtocol.Pair> testFold() {
    if (testPairs == null) {
      return List.of();
    }
    if (testImages == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--test-pairs needs --test-images");
    }
    PairsProtocol protocol = PairsProtocol.read(testPairs);
    List<PairsProtocol.Pair> fold =
        protocol.pairs().stream().filter(p -> p.fold() == testFold - 1).toList();
    if (fold.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "no pairs in fold " + testFold + " of " + testPairs);
    }
    return fold;
  }

  /**
   * Scores the held-out fold with the saved model at its validation threshold; when fine-tuning,
   * the base model too, at the threshold it gets on the same validation pairs.
   */
  private void test(
      List<PairsProtocol.Pair> fold,
      List<FaceSample> samples,
      IdentitySplit split,
      double threshold) {
    FoldPairs pairs = FoldPairs.of(fold, testImages);
    HeldOutTest.Pairs heldOut = new HeldOutTest.Pairs(pairs.left(), pairs.right(), pairs.same());
    HeldOutTest.Score trained = HeldOutTest.trained(out, samples, heldOut, threshold);
    System.out.printf(
        Locale.ROOT,
        "test-fold=%d test-accuracy=%.4f threshold=%.4f%n",
        testFold,
        trained.accuracy(),
        trained.threshold());
    if (baseModel != null) {
      HeldOutTest.Score base =
          HeldOutTest.base(baseModel, samples, heldOut, split, validationPairs, seed);
      System.out.printf(
          Locale.ROOT,
          "test-fold=%d base-test-accuracy=%.4f base-threshold=%.4f%n",
          testFold,
          base.accuracy(),
          base.threshold());
    }
  }

  private TrainingListener listener() {
    ProgressBar bar = new ProgressBar(System.err, "train", maxSteps);
    return new TrainingListener() {
      @Override
      public void onStep(
          double epoch,
          int step,
          int total,
          double loss,
          double activeFraction,
          double imagesPerSecond,
          long etaSeconds) {
        bar.update(
            step,
            String.format(
                Locale.ROOT,
                " epoch %.2f loss %.4f active %.0f%% %.1f img/s ETA(budget) %d:%02d",
                epoch,
                loss,
                activeFraction * 100,
                imagesPerSecond,
                etaSeconds / 60,
                etaSeconds % 60));
      }

      @Override
      public void onValidation(int step, double accuracy, double threshold, boolean improved) {
        System.err.printf(
            Locale.ROOT,
            "%nstep %d validation accuracy %.4f threshold %.4f%s%n",
            step,
            accuracy,
            threshold,
            improved ? " (best, saved)" : "");
      }
    };
  }
}
