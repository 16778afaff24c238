package facegate.pose;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import facegate.core.TrainingLoop;
import facegate.embed.TrainableNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the pose GAN (StarGAN losses, LSGAN adversarial terms) on aligned faces labelled with the
 * pose domain their landmarks give ({@link HeadPoseEstimator}), plus their mirror images with the
 * mirrored domain. Per step, on a domain-balanced batch of real faces x with domains c and random
 * other target domains t:
 *
 * <ul>
 *   <li>generator: (D_adv(G(x, t)) − 1)² + λ_cls CE(D_cls(G(x, t)), t) + λ_rec |G(G(x, t), c) − x|
 *       + λ_id (1 − cos(E(G(x, t)), E(x))), E the frozen identity network;
 *   <li>discriminator: (D_adv(x) − 1)² + D_adv(G(x, t))² + λ_cls CE(D_cls(x), c).
 * </ul>
 *
 * Every {@link PoseGanConfig#sampleEvery()} steps it writes a sample grid ({@code
 * samples/step-N.png}: rows are fixed faces, columns the source and each domain) and saves the
 * generator (a {@link PoseGan} folder) and the discriminator under {@code checkpoint/}.
 */
public final class PoseGanTrainer {
  private static final int GRID_FACES = 6;

  private final PoseGanConfig config;
  private final GanFaces faces;
  private final TrainableNetwork identity;

  /**
   * @param faces the training faces (at least one per domain after mirroring)
   * @param identity the identity network, frozen here; it must take {@code config.imageSize()} px
   */
  public PoseGanTrainer(PoseGanConfig config, GanFaces faces, TrainableNetwork identity) {
    if (identity.inputSize() != config.imageSize()) {
      throw new IllegalArgumentException(
          "the identity network takes "
              + identity.inputSize()
              + " px, the GAN makes "
              + config.imageSize()
              + " px; train the GAN at the identity network's size");
    }
    this.config = config;
    this.faces = faces;
    this.identity = identity;
  }

  /** Losses and speed of one step, for progress lines. */
  public record StepReport(
      int step,
      double generatorLoss,
      double discriminatorLoss,
      double identityLoss,
      double reconstructionLoss,
      double imagesPerSecond,
      long etaSeconds) {}

  /** Called after every step and each saved sample grid. */
  public interface Listener {
    void onStep(StepReport report);

    default void onSamples(int step, Path grid) {}
  }

  /**
   * Trains, writing the generator to {@code out} (a {@link PoseGan} folder) every sample interval
   * and at the end, with {@code manifest} fields added to its model.json.
   *
   * @return the last step's report
   */
  public StepReport train(Path out, com.google.gson.JsonObject manifest, Listener listener) {
    Engine.getInstance().setRandomSeed((int) config.seed());
    Random random = new Random(config.seed());
    identity.model().getBlock().freezeParameters(true);
    try (Model generator = Model.newInstance(PoseGan.NAME);
        Model discriminator = Model.newInstance("pose-gan-discriminator")) {
      generator.setBlock(PoseGanNetworks.generator(config));
      discriminator.setBlock(PoseGanNetworks.discriminator(config));
      try (Trainer g =
              generator.newTrainer(GanTensors.adamConfig(config.learningRate(), Loss.l2Loss()));
          Trainer d =
              discriminator.newTrainer(
                  GanTensors.adamConfig(config.learningRate(), Loss.l2Loss()))) {
        int size = config.imageSize();
        g.initialize(new Shape(config.batchSize(), 3 + config.domains(), size, size));
        d.initialize(new Shape(config.batchSize(), 3, size, size));
        List<GanFaces.Draw> grid = faces.gridFaces(GRID_FACES, new Random(config.seed() + 1));
        GanCheckpoints samples =
            new GanCheckpoints(config, g, generator, discriminator, grid, out, manifest, listener);
        TrainingLoop.builder()
            .setMaxSteps(config.maxSteps())
            .optMaxMinutes(config.maxMinutes())
            .optCheckEvery(config.sampleEvery())
            .addListener(samples)
            .addListener(
                new TrainingLoop.CollapseDetection("GAN generator loss", "GAN discriminator loss"))
            .build()
            .run(() -> step(g, d, faces.draw(config.batchSize(), random), random));
        return samples.last();
      }
    }
  }

  /** One generator then one discriminator update; returns G, D, identity and cycle losses. */
  private double[] step(Trainer g, Trainer d, List<GanFaces.Draw> batch, Random random) {
    int n = batch.size();
    int[] source = new int[n];
    int[] target = new int[n];
    for (int i = 0; i < n; i++) {
      source[i] = batch.get(i).domain();
      target[i] = GanTensors.otherDomain(source[i], config.domains(), random);
    }
    try (NDManager manager = g.getManager().newSubManager()) {
      List<NDArray> images = new ArrayList<>();
      for (GanFaces.Draw draw : batch) {
        images.add(GanTensors.toTensor(manager, draw.chip(), draw.flipped()));
      }
      NDArray real = NDArrays.stack(new NDList(images));
      NDArray realIdentity = embed(manager, real).stopGradient();
      NDArray fake;
      double[] losses = new double[4];
      try (GradientCollector collector = g.newGradientCollector()) {
        fake =
            g.forward(new NDList(GanTensors.withDomains(real, target, config.domains())))
                .singletonOrThrow();
        NDList judged = d.forward(new NDList(fake));
        NDArray adversarial = judged.get(0).sub(1).square().mean();
        NDArray classification = crossEntropy(judged.get(1), target);
        NDArray cycle =
            g.forward(new NDList(GanTensors.withDomains(fake, source, config.domains())))
                .singletonOrThrow();
        NDArray reconstruction = cycle.sub(real).abs().mean();
        NDArray identityLoss =
            embed(manager, fake).mul(realIdentity).sum(new int[] {1}).neg().add(1).mean();
        NDArray loss =
            adversarial
                .add(classification.mul(config.classificationWeight()))
                .add(reconstruction.mul(config.reconstructionWeight()))
                .add(identityLoss.mul(config.identityWeight()));
        collector.backward(loss);
        losses[0] = loss.getFloat();
        losses[2] = identityLoss.getFloat();
        losses[3] = reconstruction.getFloat();
      }
      g.step();
      zeroGradients(d.getModel());
      NDArray fixedFake = fake.stopGradient();
      try (GradientCollector collector = d.newGradientCollector()) {
        NDList onReal = d.forward(new NDList(real));
        NDList onFake = d.forward(new NDList(fixedFake));
        NDArray loss =
            onReal
                .get(0)
                .sub(1)
                .square()
                .mean()
                .add(onFake.get(0).square().mean())
                .add(crossEntropy(onReal.get(1), source).mul(config.classificationWeight()));
        collector.backward(loss);
        losses[1] = loss.getFloat();
      }
      d.step();
      return losses;
    }
  }

  private NDArray embed(NDManager manager, NDArray images) {
    return embed(identity, manager, images);
  }

  /** Unit-length identity embeddings of GAN images in [-1, 1], through the frozen network. */
  static NDArray embed(TrainableNetwork identity, NDManager manager, NDArray images) {
    double[] mean = identity.architecture().meanRgb();
    NDArray meanPlanes =
        manager.create(
            new float[] {(float) mean[0], (float) mean[1], (float) mean[2]}, new Shape(1, 3, 1, 1));
    NDArray input =
        images.add(1).mul(127.5f).sub(meanPlanes).mul((float) identity.architecture().scale());
    NDArray raw =
        identity
            .model()
            .getBlock()
            .forward(new ParameterStore(manager, false), new NDList(input), false)
            .singletonOrThrow();
    return raw.div(raw.norm(new int[] {1}, true).add(1e-12f));
  }

  private static NDArray crossEntropy(NDArray logits, int[] labels) {
    NDArray oneHot =
        logits
            .getManager()
            .create(labels)
            .oneHot((int) logits.getShape().get(1))
            .toType(logits.getDataType(), false);
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
  }

  /**
   * Sets every gradient of {@code model}'s parameters to zero, NaN and infinity included: clears
   * what the other network's update left there (the generator's loss also reaches the
   * discriminator's, and the other way round) and a skipped non-finite update. Overwritten, not
   * subtracted from itself (as DJL's gradient collector does), which would leave NaN.
   */
  static void zeroGradients(Model model) {
    for (Parameter parameter : model.getBlock().getParameters().values()) {
      if (parameter.isInitialized() && parameter.getArray().hasGradient()) {
        NDArray gradient = parameter.getArray().getGradient();
        gradient.set(new float[Math.toIntExact(gradient.size())]);
      }
    }
  }
}
