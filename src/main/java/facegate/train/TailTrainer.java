package facegate.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import facegate.core.TrainingLoop;
import facegate.embed.DlibTail;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Fine-tunes the dlib ResNet's tail on cached trunk features ({@link TailTrainingConfig}): pose
 * balanced P x K batches (each image as its chip or its mirror, drawn at random, and replaced by
 * one of its augmentation views with {@link TailTrainingData#VIEW_PROBABILITY}), a triplet loss on
 * L2-normalised embeddings whose miner switches after the warm-up, plus {@link DistillationLoss} on
 * the frontal rows that are not synthesized poses; Adam at a fixed learning rate. The seed drives
 * the engine, the sampler, the mirror draws and the view draws (the tail starts from the imported
 * weights, so no initialisation is random). Runs on {@link TrainingLoop}; every step logs the loss,
 * the active-triplet fraction and the embeddings' spread, and {@link
 * TrainingLoop.CollapseDetection} ends the run with an {@link IllegalStateException} when the loss
 * is not finite or the spread falls below {@link #SPREAD_FLOOR}.
 */
public final class TailTrainer {
  /** Spread (sd of the batch's pairwise squared distances) below which the run has collapsed. */
  public static final double SPREAD_FLOOR = 1e-4;

  private final TailTrainingConfig config;
  private final PrintStream log;

  /** What a run did: steps, training images per second, and the last step's values. */
  public record Result(int steps, double imagesPerSecond, double activeFraction, double spread) {}

  /**
   * @param log told one line per step
   */
  public TailTrainer(TailTrainingConfig config, PrintStream log) {
    this.config = config;
    this.log = log;
  }

  /** Trains {@code tail}'s network in place on {@code data}. */
  public Result train(DlibTail tail, TailTrainingData data) {
    Engine.getInstance().setRandomSeed((int) config.seed());
    PoseBalancedSampler sampler =
        new PoseBalancedSampler(
            data.identities(),
            data.profile(),
            config.identitiesPerBatch(),
            config.imagesPerIdentity(),
            config.seed());
    Map<String, Integer> labelOf = new HashMap<>();
    data.identities().forEach(i -> labelOf.putIfAbsent(i, labelOf.size()));
    Random mirrors = new Random(config.seed() + 1);
    Random augmentation = new Random(config.seed() + 2);
    Optimizer adam =
        Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate())).build();
    TripletLoss anyLoss = new TripletLoss(config.miner(), config.margin(), false);
    double[] last = new double[5];
    int batchSize = config.identitiesPerBatch() * config.imagesPerIdentity();
    try (Trainer trainer = tail.newTrainer(new DefaultTrainingConfig(anyLoss).optOptimizer(adam))) {
      int[] step = {0};
      TrainingLoop.Outcome outcome =
          TrainingLoop.builder()
              .setMaxSteps(config.steps())
              .addListener(
                  new TrainingLoop.CollapseDetection("loss").optSpreadFloor(3, SPREAD_FLOOR))
              .addListener(stepLog(batchSize, last))
              .build()
              .run(
                  () -> {
                    step[0]++;
                    return step(
                        trainer,
                        data,
                        sampler.nextBatch(),
                        labelOf,
                        new Random[] {mirrors, augmentation},
                        step[0]);
                  });
      return new Result(
          outcome.steps(),
          outcome.steps() * batchSize / Math.max(1e-9, outcome.trainingSeconds()),
          last[2],
          last[3]);
    }
  }

  /** One batch: {loss, triplet loss, active fraction, spread, distillation}. */
  private double[] step(
      Trainer trainer,
      TailTrainingData data,
      int[] batch,
      Map<String, Integer> labelOf,
      Random[] random,
      int step) {
    int n = batch.length;
    float[][] features = new float[n][];
    float[][] originals = new float[n][];
    int[] labels = new int[n];
    boolean[] frontal = new boolean[n];
    for (int i = 0; i < n; i++) {
      int row = 2 * batch[i] + (random[0].nextBoolean() ? 1 : 0);
      features[i] = data.features()[row];
      originals[i] = data.originals()[row];
      labels[i] = labelOf.get(data.identities().get(batch[i]));
      frontal[i] = !data.profile()[batch[i]];
      if (!data.views().isEmpty() && random[1].nextDouble() < TailTrainingData.VIEW_PROBABILITY) {
        TailTrainingData.Views view = data.views().get(random[1].nextInt(data.views().size()));
        if (view.available()[batch[i]]) {
          features[i] = view.features()[row];
          originals[i] = view.originals()[row];
          frontal[i] &= !view.poseView();
        }
      }
    }
    TripletLoss triplet = new TripletLoss(config.minerAt(step), config.margin(), false);
    try (NDManager manager = trainer.getManager().newSubManager()) {
      NDArray x = DlibTail.batch(manager, features, 0, n);
      NDArray targets = matrix(manager, originals);
      double[] values;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray embeddings = trainer.forward(new NDList(x)).singletonOrThrow();
        TripletLoss.Result result = triplet.compute(embeddings, labels);
        NDArray distillation = DistillationLoss.compute(embeddings, targets, frontal);
        NDArray loss = result.loss().add(distillation.mul(config.distillationWeight()));
        values =
            new double[] {
              loss.getFloat(),
              result.loss().getFloat(),
              result.activeFraction(),
              spread(embeddings),
              distillation.getFloat()
            };
        collector.backward(loss);
      }
      trainer.step();
      return values;
    }
  }

  /**
   * Standard deviation of the pairwise squared distances between the L2-normalised rows (0 when all
   * distances are equal: collapse).
   */
  static double spread(NDArray embeddings) {
    NDArray unit = embeddings.div(embeddings.norm(new int[] {1}, true).add(1e-12f));
    float[] rows = unit.toFloatArray();
    int n = (int) embeddings.getShape().get(0);
    int d = rows.length / n;
    double sum = 0;
    double sumSquares = 0;
    int count = 0;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
          dot += rows[a * d + k] * rows[b * d + k];
        }
        double distance = 2 - 2 * dot;
        sum += distance;
        sumSquares += distance * distance;
        count++;
      }
    }
    if (count == 0) {
      return 0;
    }
    double mean = sum / count;
    return Math.sqrt(Math.max(0, sumSquares / count - mean * mean));
  }

  private TrainingLoop.Listener stepLog(int batchSize, double[] last) {
    return new TrainingLoop.Listener() {
      @Override
      public void onStep(TrainingLoop.Progress progress) {
        for (int i = 0; i < last.length; i++) {
          last[i] = progress.loss(i);
        }
        log.printf(
            Locale.ROOT,
            "step=%d/%d miner=%s loss=%.4f triplet=%.4f active=%.3f spread=%.4f distill=%.5f"
                + " images/s=%.1f%n",
            progress.step(),
            progress.maxSteps(),
            config.minerAt(progress.step()).name().toLowerCase(Locale.ROOT),
            last[0],
            last[1],
            last[2],
            last[3],
            last[4],
            progress.stepsRun() * batchSize / Math.max(1e-9, progress.trainingSeconds()));
      }
    };
  }

  private static NDArray matrix(NDManager manager, float[][] rows) {
    int d = rows[0].length;
    float[] flat = new float[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return manager.create(flat, new ai.djl.ndarray.types.Shape(rows.length, d));
  }
}
