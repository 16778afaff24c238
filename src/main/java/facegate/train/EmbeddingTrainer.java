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
   * augmentation replay their first {@code startStep} draws; Adam's moments restart).
   */
  public TrainingResult train(Path out, int startStep, TrainingListener listener) {
    Engine.getInstance().setRandomSeed((int) config.seed());
    List<FaceSample> samples = split.training();
    Map<String, Integer> labelOf = new HashMap<>();
    for (String identity : new TreeSet<>(samples.stream().map(FaceSample::identity).toList())) {
      labelOf.put(identity, labelOf.size());
    }
    PkSampler sampler =
        new PkSampler(
            samples.stream().map(FaceSample::identity).toList(),
            config.identitiesPerBatch(),
            config.imagesPerIdentity(),
            config.seed());
    Random random = new Random(config.seed() + 1);
    for (int s = 0; s < startStep; s++) {
      for (int index : sampler.nextBatch()) {
        augmentation.apply(samples.get(index), random);
      }
    }
    VerificationPairs validationPairs =
        VerificationPairs.sample(split.validation(), config.validationPairs(), config.seed() + 2);
    TripletLoss loss = new TripletLoss(config.miner(), config.margin(), config.softMargin());
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
    DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(loss).optOptimizer(adam);
    int batchSize = config.identitiesPerBatch() * config.imagesPerIdentity();
    try (Trainer trainer = network.model().newTrainer(djlConfig)) {
      if (!network.initialised()) {
        trainer.initialize(network.inputShape(batchSize));
      } else {
        network.withoutGradientForRunningStatistics();
      }
      long start = System.nanoTime();
      double trainingSeconds = 0;
      Deque<double[]> recent = new ArrayDeque<>();
      double best = -1;
      double bestThreshold = Double.NaN;
      int bestStep = startStep;
      int sinceBest = 0;
      int step = startStep;
      boolean stoppedEarly = false;
      while (step < config.maxSteps() && (System.nanoTime() - start) / 60e9 < config.maxMinutes()) {
        long stepStart = System.nanoTime();
        int[] batch = sampler.nextBatch();
        TripletLoss.Result result;
        double lossValue;
        try (NDManager manager = trainer.getManager().newSubManager()) {
          List<NDArray> inputs = new ArrayList<>(batch.length);
          int[] labels = new int[batch.length];
          for (int i = 0; i < batch.length; i++) {
            FaceSample sample = samples.get(batch[i]);
            RgbImage chip = augmentation.apply(sample, random);
            inputs.add(network.toInput(manager, FaceAligner.resampled(chip, network.inputSize())));
            labels[i] = labelOf.get(sample.identity());
          }
          NDArray x = ai.djl.ndarray.NDArrays.stack(new NDList(inputs));
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray embeddings = trainer.forward(new NDList(x)).singletonOrThrow();
            result = loss.compute(embeddings, labels);
            lossValue = result.loss().getFloat();
            collector.backward(result.loss());
          }
          trainer.step();
        }
        step++;
        trainingSeconds += (System.nanoTime() - stepStart) / 1e9;
        recent.addLast(new double[] {lossValue, result.activeFraction()});
        if (recent.size() > RECENT) {
          recent.removeFirst();
        }
        double imagesPerSecond = (step - startStep) * batchSize / trainingSeconds;
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        double perStep = elapsedSeconds / (step - startStep);
        long eta =
            Math.round(
                Math.min(
                    (config.maxSteps() - step) * perStep,
                    Math.max(0, config.maxMinutes() * 60 - elapsedSeconds)));
        listener.onStep(
            (double) step / sampler.batchesPerEpoch(),
            step,
            config.maxSteps(),
            lossValue,
            result.activeFraction(),
            imagesPerSecond,
            eta);
        if (!Double.isFinite(lossValue)) {
          throw new IllegalStateException("loss is " + lossValue + " at step " + step);
        }
        boolean last =
            step >= config.maxSteps() || (System.nanoTime() - start) / 60e9 >= config.maxMinutes();
        if (step % config.validationEvery() == 0 || last) {
          double[] validation = validate(trainer, validationPairs);
          boolean improved = validation[0] > best;
          TrainingResult current = result(step, step, validation, imagesPerSecond, recent, false);
          network.save(out.resolve("checkpoint"), name(), manifest(current));
          if (improved) {
            best = validation[0];
            bestThreshold = validation[1];
            bestStep = step;
            sinceBest = 0;
            network.save(out, name(), manifest(current));
          } else {
            sinceBest++;
          }
          listener.onValidation(step, validation[0], validation[1], improved);
          if (sinceBest >= config.patience()) {
            stoppedEarly = true;
            break;
          }
        }
      }
      double throughput = (step - startStep) * batchSize / Math.max(1e-9, trainingSeconds);
      return result(
          step, bestStep, new double[] {best, bestThreshold}, throughput, recent, stoppedEarly);
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

  private static TrainingResult result(
      int step,
      int bestStep,
      double[] validation,
      double imagesPerSecond,
      Deque<double[]> recent,
      boolean stoppedEarly) {
    double loss = recent.stream().mapToDouble(r -> r[0]).average().orElse(Double.NaN);
    double active = recent.stream().mapToDouble(r -> r[1]).average().orElse(Double.NaN);
    return new TrainingResult(
        step, bestStep, validation[0], validation[1], imagesPerSecond, loss, active, stoppedEarly);
  }

  private String name() {
    return config.baseModel() == null ? "facegate-scratch" : "facegate-finetuned";
  }

  /** model.json's extra fields: the calibrated threshold and the training manifest. */
  private JsonObject manifest(TrainingResult result) {
    JsonObject extra = new JsonObject();
    extra.addProperty("verifyThreshold", result.threshold());
    JsonObject training = provenance.deepCopy();
    training.add("config", TrainingManifest.config(config));
    training.addProperty("trainingIdentities", countIdentities(split.training()));
    training.addProperty("trainingImages", split.training().size());
    training.addProperty("validationIdentities", countIdentities(split.validation()));
    training.add("metrics", TrainingManifest.metrics(result));
    extra.add("training", training);
    extra.addProperty(
        "verifyThresholdMethod",
        "accuracy-optimal cosine threshold on validation pairs of held-aside training identities");
    return extra;
  }

  private static long countIdentities(List<FaceSample> samples) {
    return samples.stream().map(FaceSample::identity).distinct().count();
  }
}
