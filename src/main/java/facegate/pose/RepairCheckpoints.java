package facegate.pose;

import ai.djl.Model;
import ai.djl.training.Trainer;
import com.google.gson.JsonObject;
import facegate.core.RgbImage;
import facegate.core.TrainingLoop;
import facegate.vision.PngEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The render-repair trainer's listener: tells the trainer's listener each step's report and, at
 * every check, writes a sample grid ({@code samples/step-N.png}; per fixed face: the photo, its
 * back-render through +60°, that repaired, the view turned to +60°, that repaired, the view turned
 * to −60°, that repaired) and saves the generator (a {@link RenderRepair} folder).
 */
final class RepairCheckpoints implements TrainingLoop.Listener {
  private static final double GRID_YAW_DEGREES = 60;

  private final RepairConfig config;
  private final Trainer g;
  private final Model generator;
  private final RotateAndRender renderer;
  private final List<RepairTrainer.Source> grid;
  private final Path out;
  private final JsonObject manifest;
  private final RepairTrainer.Listener listener;
  private RepairTrainer.StepReport last;

  RepairCheckpoints(
      RepairConfig config,
      Trainer g,
      Model generator,
      RotateAndRender renderer,
      List<RepairTrainer.Source> grid,
      Path out,
      JsonObject manifest,
      RepairTrainer.Listener listener) {
    this.config = config;
    this.g = g;
    this.generator = generator;
    this.renderer = renderer;
    this.grid = grid;
    this.out = out;
    this.manifest = manifest;
    this.listener = listener;
  }

  /** The last step's report; null before the first step. */
  RepairTrainer.StepReport last() {
    return last;
  }

  @Override
  public void onStep(TrainingLoop.Progress progress) {
    last =
        new RepairTrainer.StepReport(
            progress.step(),
            progress.loss(0),
            progress.loss(1),
            progress.loss(2),
            progress.loss(3),
            progress.loss(4),
            progress.loss(5),
            progress.stepsRun() * config.batchSize() / progress.elapsedSeconds(),
            progress.etaSeconds());
    listener.onStep(last);
  }

  @Override
  public void onCheck(TrainingLoop.Progress progress, boolean lastStep) {
    int step = progress.step();
    Path sheet = out.resolve("samples").resolve("step-" + step + ".png");
    write(sheet, ContactSheet.of(rows()));
    listener.onSamples(step, sheet);
    RenderRepair.save(generator, out, config, step, last, manifest);
  }

  private List<List<RgbImage>> rows() {
    List<List<RgbImage>> rows = new ArrayList<>();
    for (RepairTrainer.Source face : grid) {
      RotateAndRender.Pair right = renderer.pair(face.chip(), face.landmarks(), GRID_YAW_DEGREES);
      RotateAndRender.Pair left = renderer.pair(face.chip(), face.landmarks(), -GRID_YAW_DEGREES);
      List<RgbImage> broken = List.of(right.backRendered(), right.turned(), left.turned());
      List<RgbImage> repaired = repair(broken);
      List<RgbImage> row = new ArrayList<>();
      row.add(face.chip());
      for (int i = 0; i < broken.size(); i++) {
        row.add(broken.get(i));
        row.add(repaired.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private List<RgbImage> repair(List<RgbImage> images) {
    return RenderRepair.repair(g.getModel().getBlock(), g.getManager(), images, config.imageSize());
  }

  private static void write(Path file, RgbImage image) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, PngEncoder.encode(image));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
