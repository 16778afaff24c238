package facegate.pose;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.AtomicFiles;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.FaceViewSynthesizer;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Rotate-and-render at use time: a view is drawn at the target yaw by {@link FaceRenderer3d} and
 * then repaired by the trained generator ({@link RepairTrainer}), which fills the holes and
 * stretching the render leaves. As a {@link FaceViewSynthesizer} (name {@code rr}) it gives one
 * view per yaw of its renderer, at the chip's size. Thread-safe (calls are serialised).
 *
 * <p>The generator works at a small size ({@link RepairConfig#imageSize()}, 64 px); its output is
 * not simply upsampled to the chip (which would blur away the render's detail the embedder reads
 * identity from) but used as the coarse band of the view: {@link #withDetail} adds back what the
 * render loses when resampled to the generator's size. At the generator's size the view is exactly
 * the generator's output.
 */
public final class RenderRepair implements FaceViewSynthesizer, AutoCloseable {
  /** The generator's parameter file name (without {@code -0000.params}) in its folder. */
  public static final String NAME = "render-repair-generator";

  /** The manifest beside the parameters. */
  public static final String MANIFEST = "model.json";

  private final Model model;
  private final RepairConfig config;
  private final FaceRenderer3d renderer;

  private RenderRepair(Model model, RepairConfig config, FaceRenderer3d renderer) {
    this.model = model;
    this.config = config;
    this.renderer = renderer;
  }

  /**
   * The generator saved in {@code dir}, repairing the views of {@code renderer}.
   *
   * @throws FaceException MODEL_NOT_FOUND when there is none, MODEL_INVALID when it cannot be read
   */
  public static RenderRepair open(Path dir, FaceRenderer3d renderer) {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new FaceException(
          ErrorCode.MODEL_NOT_FOUND,
          "no render-repair generator in " + dir + ": train one with `facegate train-repair`");
    }
    Model model = Model.newInstance(NAME, Device.cpu());
    try {
      JsonObject card =
          JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8))
              .getAsJsonObject();
      RepairConfig config = RepairConfig.fromJson(card.getAsJsonObject("config"));
      model.setBlock(RepairNetworks.generator(config));
      model.load(dir, NAME);
      return new RenderRepair(model, config, renderer);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new FaceException(
          ErrorCode.MODEL_INVALID,
          "cannot load the render-repair generator in " + dir + ": " + e.getMessage(),
          e);
    }
  }

  public RepairConfig config() {
    return config;
  }

  /** The face of {@code chip} rendered at {@code yawDegrees} and repaired, at the chip's size. */
  public synchronized RgbImage turn(RgbImage chip, Landmarks landmarks, double yawDegrees) {
    RgbImage view = renderer.render(chip, landmarks, yawDegrees).alignedChip();
    return repairedAtSize(List.of(view), chip.width()).get(0);
  }

  /** Each render repaired and brought to {@code size} with its detail ({@link #withDetail}). */
  private List<RgbImage> repairedAtSize(List<RgbImage> renders, int size) {
    List<RgbImage> repaired = repair(renders);
    List<RgbImage> views = new ArrayList<>();
    for (int i = 0; i < renders.size(); i++) {
      RgbImage render = FaceAligner.resampled(renders.get(i), size);
      views.add(withDetail(render, repaired.get(i)));
    }
    return views;
  }

  /**
   * {@code repaired} (the generator's output, small) upsampled to {@code render}'s size plus {@code
   * render}'s detail: {@code render - up(down(render)) + up(repaired)}, clamped to 0-255, where
   * {@code down} resamples to {@code repaired}'s size as the generator's input was. Where the
   * generator changes nothing ({@code repaired == down(render)}) this is {@code render}.
   */
  static RgbImage withDetail(RgbImage render, RgbImage repaired) {
    if (render.width() != render.height() || repaired.width() != repaired.height()) {
      throw new IllegalArgumentException("render and repaired views must be square");
    }
    int size = render.width();
    byte[] coarse =
        FaceAligner.resampled(FaceAligner.resampled(render, repaired.width()), size).rgb();
    byte[] repairedUp = FaceAligner.resampled(repaired, size).rgb();
    byte[] detail = render.rgb();
    byte[] out = new byte[detail.length];
    for (int i = 0; i < out.length; i++) {
      int value = (detail[i] & 0xff) - (coarse[i] & 0xff) + (repairedUp[i] & 0xff);
      out[i] = (byte) Math.max(0, Math.min(255, value));
    }
    return new RgbImage(size, size, out);
  }

  /** Each image repaired, in one batch, at the generator's size; empty for none. */
  public synchronized List<RgbImage> repair(List<RgbImage> images) {
    return repair(model.getBlock(), model.getNDManager(), images, config.imageSize());
  }

  /**
   * Each image resampled to {@code size} and put through {@code generator} in one batch (no
   * training), in a sub-manager of {@code manager} closed before returning; empty for none.
   */
  static List<RgbImage> repair(
      Block generator, NDManager manager, List<RgbImage> images, int size) {
    if (images.isEmpty()) {
      return List.of();
    }
    try (NDManager batch = manager.newSubManager()) {
      List<NDArray> inputs = new ArrayList<>();
      for (RgbImage image : images) {
        inputs.add(GanTensors.toTensor(batch, FaceAligner.resampled(image, size), false));
      }
      NDArray out =
          generator
              .forward(
                  new ParameterStore(batch, false),
                  new NDList(NDArrays.stack(new NDList(inputs))),
                  false)
              .singletonOrThrow();
      List<RgbImage> repaired = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        repaired.add(GanTensors.toImage(out.get(i)));
      }
      return repaired;
    }
  }

  @Override
  public synchronized List<RgbImage> synthesize(RgbImage chip, Landmarks landmarks, Random random) {
    return repairedAtSize(renderer.synthesize(chip, landmarks, random), chip.width());
  }

  @Override
  public synchronized Optional<RgbImage> oneView(
      RgbImage chip, Landmarks landmarks, Random random) {
    return renderer
        .oneView(chip, landmarks, random)
        .map(view -> repairedAtSize(List.of(view), chip.width()).get(0));
  }

  @Override
  public String name() {
    return "rr";
  }

  @Override
  public void close() {
    model.close();
  }

  /** Saves the generator and its {@code model.json} (config, step, losses, {@code extra}). */
  static void save(
      Model generator,
      Path dir,
      RepairConfig config,
      int step,
      RepairTrainer.StepReport report,
      JsonObject extra) {
    try {
      Files.createDirectories(dir);
      generator.setProperty("Epoch", "0");
      generator.save(dir, NAME);
      JsonObject card = new JsonObject();
      card.addProperty("name", NAME);
      card.addProperty(
          "architecture",
          "U-Net generator with residual blocks repairing 3D renders (rotate-and-render)");
      card.add("config", config.toJson());
      card.addProperty("steps", step);
      JsonObject losses = new JsonObject();
      losses.addProperty("generator", round(report.generatorLoss()));
      losses.addProperty("discriminator", round(report.discriminatorLoss()));
      losses.addProperty("l1", round(report.l1Loss()));
      losses.addProperty("identity", round(report.identityLoss()));
      losses.addProperty("unrepairedL1", round(report.unrepairedL1()));
      losses.addProperty("profileIdentity", round(report.profileLoss()));
      losses.addProperty("imagesPerSecond", round(report.imagesPerSecond()));
      card.add("lastStep", losses);
      extra.entrySet().forEach(e -> card.add(e.getKey(), e.getValue()));
      AtomicFiles.replace(
          dir.resolve(MANIFEST),
          new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(card) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the render-repair generator to " + dir, e);
    }
  }

  private static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.5f", value));
  }
}
