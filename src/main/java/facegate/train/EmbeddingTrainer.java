package facegate.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import com.google.gson.JsonObject;
import facegate.core.RgbImage;
import facegate.core.TrainingLoop;
import facegate.embed.TrainableNetwork;
import facegate.vision.FaceAligner;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The training loop: PK batches from the training identities, augmentation, a triplet loss, Adam
 * with warm-up and cosine decay; every {@code validationEvery} steps, validation on pairs of the
 * held-aside identities, a checkpoint ({@code out/checkpoint}, for {@code --resume}) and, when
 * validation accuracy improves, the weights and {@code model.json} in {@code out} (so {@code out}
 * always holds the best weights); early stopping after {@code patience} validations without
 * improvement. Each step's arrays live in a sub-manager closed at the end of the step.
 */
public final class EmbeddingTrainer {
  private static final int RECENT = 20;

  private final TrainingConfig config;
  private final TrainableNetwork network;
  private final IdentitySplit split;
  private final AugmentationPolicy augmentation;
  private final JsonObject provenance;

  /**
   * @param provenance manifest fields known outside training (data hash, commit, command)
   */
  public EmbeddingTrainer(
      TrainingConfig config,
      TrainableNetwork network,
      IdentitySplit split,
      AugmentationPolicy augmentation,
      JsonObject provenance) {
    this.config = config;
    this.network = network;
    this.split = split;
    this.augmentation = augmentation;
    this.provenance = provenance.deepCopy();
  }

  /**
   * Trains from {@code startStep} (0, or the checkpoint's step when resuming: the sampler and the
   * augmentation replay their first {@code startStep} draws; Adam's moments restart). The loop is
   * {@link TrainingLoop}; its listeners, in order: the recent-loss window, {@code listener}'s step
   * callback, collapse detection (a non-finite loss fails the run), validation, early stopping, and
   * the checkpoints (which also call {@code listener}'s validation callback).
   */
  public TrainingResult train(Path out, int startStep, TrainingListener listener) {
    Engine.getInstance().setRandomSeed((int) config.seed());
    Batches batches = new Batches(startStep);
    VerificationPairs validationPairs =
        VerificationPairs.sample(split.validation(), config.validationPairs(), config.seed() + 2);
    TripletLoss loss = new TripletLoss(config.miner(), config.margin(), config.softMargin());
    int batchSize = config.identitiesPerBatch() * config.imagesPerIdentity();
    try (Trainer trainer = network.model().newTrainer(djlConfig(loss, startStep))) {
      if (!network.initialised()) {
        trainer.initialize(network.inputShape(batchSize));
      } else {
        network.withoutGradientForRunningStatistics();
      }
      RecentLosses recent = new RecentLosses();
      Validation validation = new Validation(trainer, validationPairs);
      TrainingLoop.EarlyStopping early =
          new TrainingLoop.EarlyStopping(config.patience(), validation::accuracy);
      Checkpoints checkpoints =
          new Checkpoints(out, recent, validation, early, batchSize, listener);
      TrainingLoop.Outcome outcome =
          TrainingLoop.builder()
              .setMaxSteps(config.maxSteps())
              .optStartStep(startStep)
              .optMaxMinutes(config.maxMinutes())
              .optCheckEvery(config.validationEvery())
              .addListener(recent)
              .addListener(progress(listener, batches.sampler.batchesPerEpoch(), batchSize))
              .addListener(new TrainingLoop.CollapseDetection("loss"))
              .addListener(validation)
              .addListener(early)
              .addListener(checkpoints)
              .build()
              .run(() -> step(trainer, loss, batches));
      double throughput =
          (outcome.steps() - startStep) * batchSize / Math.max(1e-9, outcome.trainingSeconds());
      int bestStep = early.bestStep() < 0 ? startStep : early.bestStep();
      double best = early.bestStep() < 0 ? -1 : early.best();
      return recent.result(
          outcome.steps(),
          bestStep,
          new double[] {best, checkpoints.bestThreshold},
          throughput,
          outcome.stoppedEarly());
    }
  }

  private DefaultTrainingConfig djlConfig(TripletLoss loss, int startStep) {
    Set<String> headIds = network.headParameterIds();
    boolean fineTuning = config.baseModel() != null;
    network.freezeStages(fineTuning ? config.frozenStages() : 0);
    LearningRateSchedule schedule =
        new LearningRateSchedule(
            config.learningRate(),
            fineTuning ? config.backboneLearningRateFactor() : 1,
            headIds,
            Math.min(100, config.maxSteps() / 10),
            config.maxSteps());
    Optimizer adam =
        Optimizer.adam().optLearningRateTracker(schedule).optBeginNumUpdate(startStep).build();
    return new DefaultTrainingConfig(loss).optOptimizer(adam);
  }

  /** One PK batch through the network and the loss, then an optimiser step: {loss, active}. */
  private double[] step(Trainer trainer, TripletLoss loss, Batches batches) {
    int[] batch = batches.sampler.nextBatch();
    try (NDManager manager = trainer.getManager().newSubManager()) {
      List<NDArray> inputs = new ArrayList<>(batch.length);
      int[] labels = new int[batch.length];
      for (int i = 0; i < batch.length; i++) {
        FaceSample sample = split.training().get(batch[i]);
        RgbImage chip = augmentation.apply(sample, batches.random);
        inputs.add(network.toInput(manager, FaceAligner.resampled(chip, network.inputSize())));
        labels[i] = batches.labelOf.get(sample.identity());
      }
      NDArray x = ai.djl.ndarray.NDArrays.stack(new NDList(inputs));
      double[] values;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray embeddings = trainer.forward(new NDList(x)).singletonOrThrow();
        TripletLoss.Result result = loss.compute(embeddings, labels);
        values = new double[] {result.loss().getFloat(), result.activeFraction()};
        collector.backward(result.loss());
      }
      trainer.step();
      return values;
    }
  }

  /** The training listener's step callback, from the loop's progress. */
  private static TrainingLoop.Listener progress(
      TrainingListener listener, int batchesPerEpoch, int batchSize) {
    return new TrainingLoop.Listener() {
      @Override
      public void onStep(TrainingLoop.Progress progress) {
        listener.onStep(
            (double) progress.step() / batchesPerEpoch,
            progress.step(),
            progress.maxSteps(),
            progress.loss(0),
            progress.loss(1),
            progress.stepsRun() * batchSize / progress.trainingSeconds(),
            progress.etaSeconds());
      }
    };
  }

  /**
   * The sampler, the augmentation's random numbers and the labels: seeded once from the config, and
   * advanced past the first {@code startStep} batches when resuming.
   */
  private final class Batches {
    final PkSampler sampler;
    final Random random = new Random(config.seed() + 1);
    final Map<String, Integer> labelOf = new HashMap<>();

    Batches(int startStep) {
      List<FaceSample> samples = split.training();
      for (String identity : new TreeSet<>(samples.stream().map(FaceSample::identity).toList())) {
        labelOf.put(identity, labelOf.size());
      }
      sampler =
          new PkSampler(
              samples.stream().map(FaceSample::identity).toList(),
              config.identitiesPerBatch(),
              config.imagesPerIdentity(),
              config.seed());
      for (int s = 0; s < startStep; s++) {
        for (int index : sampler.nextBatch()) {
          augmentation.apply(samples.get(index), random);
        }
      }
    }
  }

  /** The last {@value #RECENT} steps' loss and active fraction, and the result they give. */
  private static final class RecentLosses implements TrainingLoop.Listener {
    private final Deque<double[]> recent = new ArrayDeque<>();

    @Override
    public void onStep(TrainingLoop.Progress progress) {
      recent.addLast(new double[] {progress.loss(0), progress.loss(1)});
      if (recent.size() > RECENT) {
        recent.removeFirst();
      }
    }

    TrainingResult result(
        int step, int bestStep, double[] validation, double imagesPerSecond, boolean stoppedEarly) {
      double loss = recent.stream().mapToDouble(r -> r[0]).average().orElse(Double.NaN);
      double active = recent.stream().mapToDouble(r -> r[1]).average().orElse(Double.NaN);
      return new TrainingResult(
          step,
          bestStep,
          validation[0],
          validation[1],
          imagesPerSecond,
          loss,
          active,
          stoppedEarly);
    }
  }

  /** At every check: validation accuracy at its own best threshold, and that threshold. */
  private final class Validation implements TrainingLoop.Listener {
    private final Trainer trainer;
    private final VerificationPairs pairs;
    private double[] latest = {Double.NaN, Double.NaN};

    Validation(Trainer trainer, VerificationPairs pairs) {
      this.trainer = trainer;
      this.pairs = pairs;
    }

    @Override
    public void onCheck(TrainingLoop.Progress progress, boolean last) {
      latest = validate(trainer, pairs);
    }

    double accuracy() {
      return latest[0];
    }

    double threshold() {
      return latest[1];
    }
  }

  /**
   * At every check: the checkpoint ({@code out/checkpoint}, for {@code --resume}); when early
   * stopping saw an improvement, the weights and model.json in {@code out}; then the training
   * listener's validation callback.
   */
  private final class Checkpoints implements TrainingLoop.Listener {
    private final Path out;
    private final RecentLosses recent;
    private final Validation validation;
    private final TrainingLoop.EarlyStopping early;
    private final int batchSize;
    private final TrainingListener listener;
    double bestThreshold = Double.NaN;

    Checkpoints(
        Path out,
        RecentLosses recent,
        Validation validation,
        TrainingLoop.EarlyStopping early,
        int batchSize,
        TrainingListener listener) {
      this.out = out;
      this.recent = recent;
      this.validation = validation;
      this.early = early;
      this.batchSize = batchSize;
      this.listener = listener;
    }

    @Override
    public void onCheck(TrainingLoop.Progress progress, boolean last) {
      int step = progress.step();
      double[] scores = {validation.accuracy(), validation.threshold()};
      double imagesPerSecond = progress.stepsRun() * batchSize / progress.trainingSeconds();
      TrainingResult current = recent.result(step, step, scores, imagesPerSecond, false);
      network.save(
          TrainingStart.checkpointOf(out),
          name(),
          TrainingManifest.modelFields(provenance, config, split, current));
      if (early.improved()) {
        bestThreshold = validation.threshold();
        network.save(out, name(), TrainingManifest.modelFields(provenance, config, split, current));
      }
      listener.onValidation(step, scores[0], scores[1], early.improved());
    }
  }

  /** Validation accuracy at its own best threshold, and that threshold. */
  private double[] validate(Trainer trainer, VerificationPairs pairs) {
    List<FaceSample> validation = split.validation();
    Map<Integer, Integer> slot = new HashMap<>();
    List<RgbImage> chips = new ArrayList<>();
    int[] left = new int[pairs.size()];
    int[] right = new int[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      left[i] = slot.computeIfAbsent(pairs.left()[i], k -> add(chips, validation.get(k)));
      right[i] = slot.computeIfAbsent(pairs.right()[i], k -> add(chips, validation.get(k)));
    }
    float[][] embeddings = NetworkScorer.embed(trainer, network, chips);
    double[] scores = NetworkScorer.scores(embeddings, left, right);
    double threshold = ThresholdAccuracy.bestThreshold(scores, pairs.same());
    return new double[] {ThresholdAccuracy.accuracy(scores, pairs.same(), threshold), threshold};
  }

  private static int add(List<RgbImage> chips, FaceSample sample) {
    chips.add(sample.chip());
    return chips.size() - 1;
  }

  private String name() {
    return config.baseModel() == null ? "facegate-scratch" : "facegate-finetuned";
  }
}
