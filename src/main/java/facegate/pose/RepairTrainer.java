package facegate.pose;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import com.google.gson.JsonObject;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.core.TrainingLoop;
import facegate.embed.TrainableNetwork;
import facegate.vision.FaceAligner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Trains the render-repair generator (rotate-and-render self-supervision). Per step, for a batch of
 * source faces x and random target yaws θ (sign and magnitude 15-90° drawn uniformly), {@link
 * RotateAndRender} makes the turned view t and the back-render b; with G the generator, D the
 * PatchGAN and E the frozen identity network:
 *
 * <ul>
 *   <li>generator: λ_L1 |G(b) − x| + λ_id (1 − cos(E(G(b)), E(x))) + λ_adv (D(G(b), G(t)) − 1)² +
 *       λ_tv TV(G(b), G(t)), plus λ_profile times the {@link ProfileIdentity} term when one is
 *       given (turned views of frontals against their people's real profiles);
 *   <li>discriminator: (D(real) − 1)² + D(G(b), G(t))², the real batch being the photos x and as
 *       many real turned faces (e.g. CFP profiles), or the photos alone when there are none.
 * </ul>
 *
 * The step also reports the L1 of the unrepaired back-renders, the baseline the repair must beat.
 * At every check ({@link RepairConfig#sampleEvery()} steps and the last) {@link RepairCheckpoints}
 * writes a sample grid and saves the generator as a {@link RenderRepair} folder.
 */
public final class RepairTrainer {
  private static final int GRID_FACES = 6;
  private static final double MIN_TURN_DEGREES = 15;
  private static final double MAX_TURN_DEGREES = 90;

  private final RepairConfig config;
  private final List<Source> sources;
  private final List<RgbImage> profiles;
  private final TrainableNetwork identity;
  private final RotateAndRender renderer;
  private final ProfileIdentity profileIdentity;

  /** A face to turn: a chip at the repair size and its landmarks in its pixels. */
  public record Source(RgbImage chip, Landmarks landmarks) {
    public Source {
      Objects.requireNonNull(chip, "chip");
      Objects.requireNonNull(landmarks, "landmarks");
    }

    /** An aligned chip and its landmarks resampled to {@code size} px. */
    public static Source resampled(RgbImage chip, Landmarks landmarks, int size) {
      double factor = size / (double) chip.width();
      double[] xy = landmarks.xy();
      for (int i = 0; i < xy.length; i++) {
        // pixel centres: x + 0.5 scales with the side
        xy[i] = (xy[i] + 0.5) * factor - 0.5;
      }
      return new Source(FaceAligner.resampled(chip, size), new Landmarks(xy));
    }
  }

  /** Losses and speed of one step, for progress lines. */
  public record StepReport(
      int step,
      double generatorLoss,
      double discriminatorLoss,
      double l1Loss,
      double identityLoss,
      double unrepairedL1,
      double profileLoss,
      double imagesPerSecond,
      long etaSeconds) {}

  /** Called after every step and each saved sample grid. */
  public interface Listener {
    void onStep(StepReport report);

    default void onSamples(int step, Path grid) {}
  }

  /**
   * @param sources the faces to turn, at {@code config.imageSize()}; not empty
   * @param profiles real turned faces for the discriminator, at {@code config.imageSize()}; may be
   *     empty
   * @param identity the identity network, frozen here; it must take {@code config.imageSize()} px
   * @param profileIdentity the real-profile identity term, weighted by {@code
   *     config.profileWeight()}; null for none
   */
  public RepairTrainer(
      RepairConfig config,
      List<Source> sources,
      List<RgbImage> profiles,
      TrainableNetwork identity,
      RotateAndRender renderer,
      ProfileIdentity profileIdentity) {
    if (identity.inputSize() != config.imageSize()) {
      throw new IllegalArgumentException(
          "the identity network takes "
              + identity.inputSize()
              + " px, the repair works at "
              + config.imageSize()
              + " px; use the identity network's size");
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source faces to turn");
    }
    this.config = config;
    this.sources = List.copyOf(sources);
    this.profiles = List.copyOf(profiles);
    this.identity = identity;
    this.renderer = renderer;
    this.profileIdentity = profileIdentity;
  }

  /**
   * Trains, writing the generator to {@code out} at every check, with {@code manifest}'s fields in
   * its model.json.
   *
   * @return the last step's report
   */
  public StepReport train(Path out, JsonObject manifest, Listener listener) {
    Engine.getInstance().setRandomSeed((int) config.seed());
    Random random = new Random(config.seed());
    identity.model().getBlock().freezeParameters(true);
    try (Model generator = Model.newInstance(RenderRepair.NAME);
        Model discriminator = Model.newInstance("render-repair-discriminator")) {
      generator.setBlock(RepairNetworks.generator(config));
      discriminator.setBlock(RepairNetworks.discriminator(config));
      try (Trainer g =
              generator.newTrainer(GanTensors.adamConfig(config.learningRate(), Loss.l1Loss()));
          Trainer d =
              discriminator.newTrainer(
                  GanTensors.adamConfig(config.learningRate(), Loss.l1Loss()))) {
        int size = config.imageSize();
        g.initialize(new Shape(config.batchSize(), 3, size, size));
        d.initialize(new Shape(config.batchSize(), 3, size, size));
        Random gridRandom = new Random(config.seed() + 1);
        List<Source> grid = new ArrayList<>();
        for (int i = 0; i < Math.min(GRID_FACES, sources.size()); i++) {
          grid.add(sources.get(gridRandom.nextInt(sources.size())));
        }
        RepairCheckpoints checks =
            new RepairCheckpoints(config, g, generator, renderer, grid, out, manifest, listener);
        int[] skipped = {0, 0};
        TrainingLoop.builder()
            .setMaxSteps(config.maxSteps())
            .optMaxMinutes(config.maxMinutes())
            .optCheckEvery(config.sampleEvery())
            .addListener(checks)
            .addListener(
                new TrainingLoop.CollapseDetection(
                    "repair generator loss", "repair discriminator loss"))
            .build()
            .run(
                () -> {
                  double[] losses = step(g, d, random);
                  if (losses[6] > 0) {
                    manifest.addProperty("skippedNonFiniteGeneratorSteps", ++skipped[0]);
                  }
                  if (losses[7] > 0) {
                    manifest.addProperty("skippedNonFiniteDiscriminatorSteps", ++skipped[1]);
                  }
                  return losses;
                });
        return checks.last();
      }
    }
  }

  /** A target yaw: a random side, 15-90 degrees. */
  static double randomTargetYaw(Random random) {
    double magnitude =
        MIN_TURN_DEGREES + random.nextDouble() * (MAX_TURN_DEGREES - MIN_TURN_DEGREES);
    return random.nextBoolean() ? magnitude : -magnitude;
  }

  /**
   * One generator then one discriminator update; returns G, D, L1 and identity losses, the L1 of
   * the back-renders themselves (what the repair must beat), the profile identity term (0 without
   * one), and 1 when the generator's (then the discriminator's) update was skipped for non-finite
   * gradients (else 0).
   */
  private double[] step(Trainer g, Trainer d, Random random) {
    int n = config.batchSize();
    try (NDManager manager = g.getManager().newSubManager()) {
      List<NDArray> truth = new ArrayList<>();
      List<NDArray> inputs = new ArrayList<>();
      List<NDArray> turned = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Source source = sources.get(random.nextInt(sources.size()));
        RotateAndRender.Pair pair =
            renderer.pair(source.chip(), source.landmarks(), randomTargetYaw(random));
        truth.add(GanTensors.toTensor(manager, pair.original(), false));
        inputs.add(GanTensors.toTensor(manager, pair.backRendered(), false));
        turned.add(GanTensors.toTensor(manager, pair.turned(), false));
      }
      NDArray photos = NDArrays.stack(new NDList(truth));
      inputs.addAll(turned);
      NDArray broken = NDArrays.stack(new NDList(inputs));
      NDArray real = photos.concat(realTurnedFaces(manager, n, random), 0);
      NDArray photoIdentity = PoseGanTrainer.embed(identity, manager, photos).stopGradient();
      double[] losses = new double[8];
      losses[4] = RepairLosses.l1(broken.get("0:" + n), photos).getFloat();
      NDArray repaired;
      try (GradientCollector collector = g.newGradientCollector()) {
        repaired = g.forward(new NDList(broken)).singletonOrThrow();
        NDArray ownPose = repaired.get("0:" + n);
        NDArray l1 = RepairLosses.l1(ownPose, photos);
        NDArray identityLoss =
            RepairLosses.identity(PoseGanTrainer.embed(identity, manager, ownPose), photoIdentity);
        NDArray adversarial =
            RepairLosses.generatorAdversarial(d.forward(new NDList(repaired)).singletonOrThrow());
        NDArray loss =
            l1.mul(config.l1Weight())
                .add(identityLoss.mul(config.identityWeight()))
                .add(adversarial.mul(config.adversarialWeight()))
                .add(RepairLosses.totalVariation(repaired).mul(config.totalVariationWeight()));
        if (profileIdentity != null && config.profileWeight() > 0) {
          NDArray profile =
              profileIdentity.loss(
                  manager,
                  x -> g.forward(new NDList(x)).singletonOrThrow(),
                  config.imageSize(),
                  n,
                  random);
          loss = loss.add(profile.mul(config.profileWeight()));
          losses[5] = profile.getFloat();
        }
        collector.backward(loss);
        losses[0] = loss.getFloat();
        losses[2] = l1.getFloat();
        losses[3] = identityLoss.getFloat();
      }
      // An update whose gradients are not all finite is skipped and its gradients cleared
      // (a gradient collector's own zeroing subtracts the gradient from itself, which leaves NaN):
      // seen in about 1 % of steps, not reproducibly, in runs with the profile term (in the
      // generator, and once in the discriminator); one such update turns every weight into NaN.
      // The same guard covers the discriminator's update below.
      if (finiteGradients(g.getModel())) {
        g.step();
      } else {
        PoseGanTrainer.zeroGradients(g.getModel());
        losses[6] = 1;
      }
      PoseGanTrainer.zeroGradients(d.getModel());
      NDArray fixed = repaired.stopGradient();
      try (GradientCollector collector = d.newGradientCollector()) {
        NDArray loss =
            RepairLosses.discriminator(
                d.forward(new NDList(real)).singletonOrThrow(),
                d.forward(new NDList(fixed)).singletonOrThrow());
        collector.backward(loss);
        losses[1] = loss.getFloat();
      }
      if (finiteGradients(d.getModel())) {
        d.step();
      } else {
        PoseGanTrainer.zeroGradients(d.getModel());
        losses[7] = 1;
      }
      return losses;
    }
  }

  /** Whether every gradient of {@code model}'s parameters is finite. */
  static boolean finiteGradients(Model model) {
    for (ai.djl.nn.Parameter parameter : model.getBlock().getParameters().values()) {
      if (parameter.isInitialized() && parameter.getArray().hasGradient()) {
        NDArray gradient = parameter.getArray().getGradient();
        if (gradient.isNaN().any().getBoolean() || gradient.isInfinite().any().getBoolean()) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code n} random real turned faces, or none (an empty batch) when there are none. */
  private NDArray realTurnedFaces(NDManager manager, int n, Random random) {
    int size = config.imageSize();
    if (profiles.isEmpty()) {
      return manager.zeros(new Shape(0, 3, size, size));
    }
    List<NDArray> faces = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      faces.add(
          GanTensors.toTensor(
              manager, profiles.get(random.nextInt(profiles.size())), random.nextBoolean()));
    }
    return NDArrays.stack(new NDList(faces));
  }
}
