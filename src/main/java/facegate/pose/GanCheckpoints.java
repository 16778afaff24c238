package facegate.pose;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
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
import java.util.Arrays;
import java.util.List;

/**
 * The pose GAN trainer's listener: tells the trainer's listener each step's report and, at every
 * check, writes a sample grid ({@code samples/step-N.png}: rows are fixed faces, columns the source
 * and each domain) and saves the generator (a {@link PoseGan} folder, with the manifest) and the
 * discriminator under {@code checkpoint/}.
 */
final class GanCheckpoints implements TrainingLoop.Listener {
  private final PoseGanConfig config;
  private final Trainer g;
  private final Model generator;
  private final Model discriminator;
  private final List<GanFaces.Draw> grid;
  private final Path out;
  private final JsonObject manifest;
  private final PoseGanTrainer.Listener listener;
  private PoseGanTrainer.StepReport last;

  GanCheckpoints(
      PoseGanConfig config,
      Trainer g,
      Model generator,
      Model discriminator,
      List<GanFaces.Draw> grid,
      Path out,
      JsonObject manifest,
      PoseGanTrainer.Listener listener) {
    this.config = config;
    this.g = g;
    this.generator = generator;
    this.discriminator = discriminator;
    this.grid = grid;
    this.out = out;
    this.manifest = manifest;
    this.listener = listener;
  }

  /** The last step's report; null before the first step. */
  PoseGanTrainer.StepReport last() {
    return last;
  }

  @Override
  public void onStep(TrainingLoop.Progress progress) {
    last = report(progress);
    listener.onStep(last);
  }

  @Override
  public void onCheck(TrainingLoop.Progress progress, boolean lastStep) {
    int step = progress.step();
    Path sheet = writeGrid(g, grid, out.resolve("samples").resolve("step-" + step + ".png"));
    listener.onSamples(step, sheet);
    PoseGanFiles.save(generator, out, config, step, last, manifest);
    PoseGanFiles.saveDiscriminator(discriminator, out.resolve("checkpoint"));
  }

  private PoseGanTrainer.StepReport report(TrainingLoop.Progress progress) {
    return new PoseGanTrainer.StepReport(
        progress.step(),
        progress.loss(0),
        progress.loss(1),
        progress.loss(2),
        progress.loss(3),
        progress.step() * config.batchSize() / progress.elapsedSeconds(),
        progress.etaSeconds());
  }

  private Path writeGrid(Trainer g, List<GanFaces.Draw> grid, Path file) {
    List<List<RgbImage>> rows = new ArrayList<>();
    try (NDManager manager = g.getManager().newSubManager()) {
      for (GanFaces.Draw face : grid) {
        List<RgbImage> row = new ArrayList<>();
        row.add(face.chip());
        NDArray real = GanTensors.toTensor(manager, face.chip(), false).expandDims(0);
        int[] domains = new int[config.domains()];
        Arrays.setAll(domains, i -> i);
        NDArray repeated = real.repeat(0, config.domains());
        NDArray out =
            g.getModel()
                .getBlock()
                .forward(
                    new ParameterStore(manager, false),
                    new NDList(GanTensors.withDomains(repeated, domains, config.domains())),
                    false)
                .singletonOrThrow();
        for (int i = 0; i < config.domains(); i++) {
          row.add(GanTensors.toImage(out.get(i)));
        }
        rows.add(row);
      }
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, PngEncoder.encode(ContactSheet.of(rows)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
