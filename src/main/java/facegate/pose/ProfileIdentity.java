package facegate.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.embed.BilinearWeights;
import facegate.embed.TrainableNetwork;
import facegate.vision.FaceAligner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The real-profile identity term of render repair. A frontal photo of a person whose real turned
 * photos are known is rendered at a profile yaw ({@link #MIN_YAW_DEGREES}-{@link
 * #MAX_YAW_DEGREES}°, either side), repaired as at use time (the render's detail plus the
 * generator's upsampled output, {@link #withDetail}) and embedded, chip plus mirror as the pipeline
 * embeds, by a frozen identity network at its own size; the term is 1 − cos to the mean embedding
 * of the person's real turned photos. It asks the repair to make the turned view look like that
 * person's real profiles to the network, which is what matching turned views against real profiles
 * needs (the self-supervised terms only ask for the photo back at its own pose).
 */
public final class ProfileIdentity {
  /** The smallest |yaw| a frontal is turned to for this term. */
  public static final double MIN_YAW_DEGREES = 60;

  /** The largest |yaw|. */
  public static final double MAX_YAW_DEGREES = 90;

  /** A frontal photo to turn: its aligned chip at the network's size, landmarks, and person. */
  public record Frontal(RgbImage chip, Landmarks landmarks, String person) {
    public Frontal {
      Objects.requireNonNull(chip, "chip");
      Objects.requireNonNull(landmarks, "landmarks");
      Objects.requireNonNull(person, "person");
    }
  }

  private final TrainableNetwork network;
  private final FaceRenderer3d renderer;
  private final List<Frontal> frontals;
  private final Map<String, float[]> targets;

  private ProfileIdentity(
      TrainableNetwork network,
      FaceRenderer3d renderer,
      List<Frontal> frontals,
      Map<String, float[]> targets) {
    this.network = network;
    this.renderer = renderer;
    this.frontals = frontals;
    this.targets = targets;
  }

  /**
   * The term over {@code frontals} whose person has real turned photos in {@code realTurned} (chips
   * at the network's size); each person's target is the normalised mean of their photos'
   * chip-plus-mirror embeddings, computed here once.
   *
   * @throws IllegalArgumentException when no frontal has a person with real turned photos, or a
   *     chip is not at the network's size
   */
  public static ProfileIdentity of(
      TrainableNetwork network,
      FaceRenderer3d renderer,
      List<Frontal> frontals,
      Map<String, List<RgbImage>> realTurned) {
    int size = network.inputSize();
    Map<String, float[]> targets = new LinkedHashMap<>();
    network.model().getBlock().freezeParameters(true);
    try (NDManager manager = network.model().getNDManager().newSubManager()) {
      for (Map.Entry<String, List<RgbImage>> person : realTurned.entrySet()) {
        if (person.getValue().isEmpty()) {
          continue;
        }
        List<NDArray> chips = new ArrayList<>();
        for (RgbImage chip : person.getValue()) {
          requireSize(chip, size);
          chips.add(GanTensors.toTensor(manager, chip, false));
        }
        NDArray embeddings = mirrorSummed(network, manager, NDArrays.stack(new NDList(chips)));
        NDArray mean = embeddings.mean(new int[] {0});
        targets.put(person.getKey(), mean.div(mean.norm().add(1e-12f)).toFloatArray());
      }
    }
    List<Frontal> usable = new ArrayList<>();
    for (Frontal frontal : frontals) {
      requireSize(frontal.chip(), size);
      if (targets.containsKey(frontal.person())) {
        usable.add(frontal);
      }
    }
    if (usable.isEmpty()) {
      throw new IllegalArgumentException("no frontal photo of a person with real turned photos");
    }
    return new ProfileIdentity(network, renderer, List.copyOf(usable), targets);
  }

  /** How many frontals the term draws from. */
  public int frontals() {
    return frontals.size();
  }

  /** How many people have a target. */
  public int people() {
    return targets.size();
  }

  /**
   * The term over {@code n} random frontals: rendered, repaired by {@code generator} at {@code
   * smallSize} px ([-1, 1] NCHW in and out), embedded. Differentiable in the generator's output.
   */
  NDArray loss(
      NDManager manager, UnaryOperator<NDArray> generator, int smallSize, int n, Random random) {
    List<NDArray> renders = new ArrayList<>();
    List<NDArray> small = new ArrayList<>();
    List<NDArray> wanted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Frontal frontal = frontals.get(random.nextInt(frontals.size()));
      double magnitude =
          MIN_YAW_DEGREES + random.nextDouble() * (MAX_YAW_DEGREES - MIN_YAW_DEGREES);
      double yaw = random.nextBoolean() ? magnitude : -magnitude;
      RgbImage render = renderer.render(frontal.chip(), frontal.landmarks(), yaw).alignedChip();
      renders.add(GanTensors.toTensor(manager, render, false));
      small.add(GanTensors.toTensor(manager, FaceAligner.resampled(render, smallSize), false));
      wanted.add(manager.create(targets.get(frontal.person())));
    }
    NDArray input = NDArrays.stack(new NDList(small));
    NDArray views = withDetail(NDArrays.stack(new NDList(renders)), input, generator.apply(input));
    NDArray embeddings = mirrorSummed(network, manager, views);
    return RepairLosses.identity(embeddings, NDArrays.stack(new NDList(wanted)));
  }

  /**
   * {@code render - up(small) + up(repaired)}, NCHW: the generator's output ({@code repaired}, at
   * the size of its input {@code small}) as the coarse band of the full-size {@code render}, as
   * {@link RenderRepair} does at use time; {@code up} is bilinear with half-pixel centres ({@link
   * BilinearWeights}). Where the generator changes nothing this is {@code render}.
   */
  static NDArray withDetail(NDArray render, NDArray small, NDArray repaired) {
    int size = (int) render.getShape().get(3);
    int smallSize = (int) small.getShape().get(3);
    NDArray up =
        render
            .getManager()
            .create(
                BilinearWeights.matrix(smallSize, size, false, true), new Shape(size, smallSize))
            .toType(render.getDataType(), false);
    NDArray upT = up.transpose();
    NDArray change = repaired.sub(small);
    return render.add(up.matMul(change).matMul(upT));
  }

  /** Unit embeddings of images and their mirror images, summed and normalised. */
  private static NDArray mirrorSummed(TrainableNetwork network, NDManager manager, NDArray images) {
    NDArray sum =
        PoseGanTrainer.embed(network, manager, images)
            .add(PoseGanTrainer.embed(network, manager, images.flip(3)));
    return sum.div(sum.norm(new int[] {1}, true).add(1e-12f));
  }

  private static void requireSize(RgbImage chip, int size) {
    if (chip.width() != size || chip.height() != size) {
      throw new IllegalArgumentException(
          "chips must be " + size + " px for the identity network, got " + chip.width());
    }
  }
}
