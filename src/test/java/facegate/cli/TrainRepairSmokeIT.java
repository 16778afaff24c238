package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.RgbImage;
import facegate.pose.FaceRenderer3d;
import facegate.pose.RenderRepair;
import facegate.train.FaceSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train-repair} for a few steps on the fixture crops (cut by the real pipeline), with the
 * shipped from-scratch network as the frozen identity network: losses finite, sample grids and a
 * generator folder written; the generator loads as a {@link RenderRepair} that makes one repaired
 * view per yaw of the 3D renderer; {@code augment --method rr} writes views and a contact sheet.
 */
class TrainRepairSmokeIT {
  private static final Path LFW = Path.of("src/test/resources/fixtures/lfw");
  private static final Pattern SUMMARY =
      Pattern.compile(
          "steps=(\\d+) generator-loss=(\\S+) discriminator-loss=(\\S+) l1-loss=(\\S+)"
              + " unrepaired-l1=(\\S+)");

  @TempDir Path work;

  private static String run(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exit(), run.out() + "\n" + run.err());
    return run.out();
  }

  @Test
  void trainsARepairGeneratorThatLoadsAndRepairsRenders() throws Exception {
    Path model = work.resolve("rr");
    String crops = work.resolve("crops").toString();
    String out =
        run(
            "train-repair",
            "--folder-dataset",
            LFW.toString(),
            "--crop-cache",
            crops,
            "--out",
            model.toString(),
            "--batch",
            "2",
            "--max-steps",
            "3",
            "--sample-every",
            "2");
    Matcher m = SUMMARY.matcher(out);
    assertTrue(m.find(), out);
    assertEquals("3", m.group(1));
    for (int group = 2; group <= 5; group++) {
      assertTrue(Double.isFinite(Double.parseDouble(m.group(group))), out);
    }
    assertTrue(Double.parseDouble(m.group(5)) > 0, "a back-render differs from its photo: " + out);
    assertTrue(Files.size(model.resolve("samples/step-2.png")) > 0);
    assertTrue(Files.size(model.resolve("samples/step-3.png")) > 0);
    String card = Files.readString(model.resolve(RenderRepair.MANIFEST));
    assertTrue(card.contains("\"dataHash\""), card);
    assertTrue(card.contains("\"imageSize\": 64"), card);

    FaceSample face = fixtureCrop(crops);
    try (RenderRepair repair = RenderRepair.open(model, FaceRenderer3d.shipped())) {
      List<RgbImage> views = repair.synthesize(face.chip(), face.chipLandmarks(), new Random(1));
      assertEquals(FaceRenderer3d.DEFAULT_YAWS.size(), views.size());
      for (RgbImage view : views) {
        assertEquals(face.chip().width(), view.width());
      }
      RgbImage turned = repair.turn(face.chip(), face.chipLandmarks(), 30);
      assertEquals(face.chip().width(), turned.width());
    }

    Path input = work.resolve("in");
    Files.createDirectories(input);
    Files.copy(LFW.resolve("Mick_Jagger/Mick_Jagger_0001.jpg"), input.resolve("a.jpg"));
    String augment =
        run(
            "augment",
            "--method",
            "rr",
            "--repair-model",
            model.toString(),
            "--images",
            input.toString(),
            "--out",
            work.resolve("views").toString());
    assertTrue(augment.contains("no-face=0"), augment);
    assertTrue(augment.contains("views=6"), augment);
    assertTrue(Files.size(work.resolve("views/contact-sheet.png")) > 0);
    assertTrue(Files.exists(work.resolve("views/a-rr-0.png")));
  }

  private static FaceSample fixtureCrop(String crops) throws Exception {
    DatasetOptions options = new DatasetOptions();
    new CommandLine(options).parseArgs("--folder-dataset", LFW.toString(), "--crop-cache", crops);
    return options.loadOrBuild("crops").get(0);
  }
}
