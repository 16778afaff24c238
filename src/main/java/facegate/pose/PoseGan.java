package facegate.pose;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.FaceViewSynthesizer;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A trained pose GAN generator ({@link PoseGanTrainer}), loaded for inference: turns an aligned
 * chip to another pose domain. As a {@link FaceViewSynthesizer} it returns one view per domain
 * other than the chip's own (estimated from its landmarks), each resampled back to the chip's size.
 * Thread-safe (calls are serialised).
 */
public final class PoseGan implements FaceViewSynthesizer, AutoCloseable {
  /** The generator's parameter file name (without {@code -0000.params}) in its folder. */
  public static final String NAME = "pose-gan-generator";

  /** The manifest beside the parameters. */
  public static final String MANIFEST = "model.json";

  private final Model model;
  private final PoseGanConfig config;
  private final HeadPoseEstimator poses;

  private PoseGan(Model model, PoseGanConfig config, HeadPoseEstimator poses) {
    this.model = model;
    this.config = config;
    this.poses = poses;
  }

  /**
   * The generator saved in {@code dir}.
   *
   * @throws FaceException MODEL_NOT_FOUND when there is none, MODEL_INVALID when it cannot be read
   */
  public static PoseGan open(Path dir) {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new FaceException(
          ErrorCode.MODEL_NOT_FOUND,
          "no pose GAN in " + dir + ": train one with `facegate train-gan --out " + dir + "`");
    }
    Model model = Model.newInstance(NAME, Device.cpu());
    try {
      JsonObject card =
          JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8))
              .getAsJsonObject();
      PoseGanConfig config = PoseGanConfig.fromJson(card.getAsJsonObject("config"));
      model.setBlock(PoseGanNetworks.generator(config));
      model.load(dir, NAME);
      return new PoseGan(model, config, HeadPoseEstimator.shipped());
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new FaceException(
          ErrorCode.MODEL_INVALID, "cannot load the pose GAN in " + dir + ": " + e.getMessage(), e);
    }
  }

  public PoseGanConfig config() {
    return config;
  }

  /** {@code chip} turned to {@code target}, at the generator's size. */
  public synchronized RgbImage generate(RgbImage chip, PoseBucket target) {
    return generate(List.of(chip), target).get(0);
  }

  /** Each chip turned to {@code target} in one batch, at the generator's size; empty for none. */
  public synchronized List<RgbImage> generate(List<RgbImage> chips, PoseBucket target) {
    int[] domains = new int[chips.size()];
    java.util.Arrays.fill(domains, target.ordinal());
    return run(chips, domains);
  }

  /**
   * One view per pose domain other than the chip's own (estimated from its landmarks), made in one
   * batch and resampled to the chip's size.
   */
  @Override
  public synchronized List<RgbImage> synthesize(RgbImage chip, Landmarks landmarks, Random random) {
    PoseBucket source = poses.estimate(landmarks).bucket();
    List<RgbImage> chips = new ArrayList<>();
    List<Integer> targets = new ArrayList<>();
    for (PoseBucket target : PoseBucket.values()) {
      if (target != source) {
        chips.add(chip);
        targets.add(target.ordinal());
      }
    }
    List<RgbImage> views = new ArrayList<>();
    for (RgbImage view : run(chips, targets.stream().mapToInt(Integer::intValue).toArray())) {
      views.add(FaceAligner.resampled(view, chip.width()));
    }
    return views;
  }

  /** Makes only the one view: a domain other than the chip's own, chosen with {@code random}. */
  @Override
  public synchronized java.util.Optional<RgbImage> oneView(
      RgbImage chip, Landmarks landmarks, Random random) {
    int source = poses.estimate(landmarks).bucket().ordinal();
    int target = GanTensors.otherDomain(source, config.domains(), random);
    RgbImage view = run(List.of(chip), new int[] {target}).get(0);
    return java.util.Optional.of(FaceAligner.resampled(view, chip.width()));
  }

  private List<RgbImage> run(List<RgbImage> chips, int[] domains) {
    if (chips.isEmpty()) {
      return List.of();
    }
    try (NDManager manager = model.getNDManager().newSubManager()) {
      List<NDArray> inputs = new ArrayList<>();
      for (RgbImage chip : chips) {
        inputs.add(
            GanTensors.toTensor(manager, FaceAligner.resampled(chip, config.imageSize()), false));
      }
      NDArray x =
          GanTensors.withDomains(NDArrays.stack(new NDList(inputs)), domains, config.domains());
      NDArray out =
          model
              .getBlock()
              .forward(new ParameterStore(manager, false), new NDList(x), false)
              .singletonOrThrow();
      List<RgbImage> images = new ArrayList<>();
      for (int i = 0; i < chips.size(); i++) {
        images.add(GanTensors.toImage(out.get(i)));
      }
      return images;
    }
  }

  @Override
  public String name() {
    return "gan";
  }

  @Override
  public void close() {
    model.close();
  }
}
