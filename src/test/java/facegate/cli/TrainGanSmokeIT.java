package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.RgbImage;
import facegate.pose.PoseBucket;
import facegate.pose.PoseGan;
import facegate.train.FaceSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train-gan} for a few steps on the fixture crops (cut by the real pipeline), with the
 * shipped from-scratch network as the frozen identity network: losses finite, sample grids and a
 * generator folder written, and the generator loads as a {@link PoseGan} that makes one view per
 * other pose domain, close to the face after so few steps (the generator starts as the identity).
 * Then {@code gan-eval} and {@code augment --method gan} run on it.
 */
class TrainGanSmokeIT {
  private static final Path LFW = Path.of("src/test/resources/fixtures/lfw");
  private static final Pattern SUMMARY =
      Pattern.compile("steps=(\\d+) generator-loss=(\\S+) discriminator-loss=(\\S+)");

  @TempDir Path work;

  private static String run(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exit(), run.out() + "\n" + run.err());
    return run.out();
  }

  @Test
  void trainsAGeneratorThatLoadsAndTurnsFaces() throws Exception {
    Path gan = work.resolve("gan");
    String crops = work.resolve("crops").toString();
    String out =
        run(
            "train-gan",
            "--folder-dataset",
            LFW.toString(),
            "--crop-cache",
            crops,
            "--out",
            gan.toString(),
            "--batch",
            "4",
            "--max-steps",
            "3",
            "--sample-every",
            "2");
    Matcher m = SUMMARY.matcher(out);
    assertTrue(m.find(), out);
    assertEquals("3", m.group(1));
    assertTrue(Double.isFinite(Double.parseDouble(m.group(2))), out);
    assertTrue(Double.isFinite(Double.parseDouble(m.group(3))), out);
    assertTrue(Files.size(gan.resolve("samples/step-2.png")) > 0);
    assertTrue(Files.size(gan.resolve("samples/step-3.png")) > 0);
    String card = Files.readString(gan.resolve(PoseGan.MANIFEST));
    assertTrue(card.contains("\"dataHash\""), card);
    assertTrue(card.contains("\"imageSize\": 64"), card);

    FaceSample face = fixtureCrop(crops);
    try (PoseGan generator = PoseGan.open(gan)) {
      List<RgbImage> views = generator.synthesize(face.chip(), face.chipLandmarks(), new Random(1));
      assertEquals(PoseBucket.values().length - 1, views.size());
      for (RgbImage view : views) {
        assertEquals(face.chip().width(), view.width());
        assertTrue(
            meanAbsoluteDifference(face.chip(), view) < 40,
            "after 3 steps a view is still the face, blurred by 64 px");
      }
      RgbImage one =
          generator.oneView(face.chip(), face.chipLandmarks(), new Random(2)).orElseThrow();
      assertEquals(face.chip().width(), one.width());
    }

    String eval =
        run(
            "gan-eval",
            "--folder-dataset",
            LFW.toString(),
            "--crop-cache",
            crops,
            "--gan-model",
            gan.toString(),
            "--faces",
            "6");
    assertTrue(eval.contains("| gan same domain | 6 |"), eval);
    assertTrue(eval.contains("gan-turned-views fd-to-real="), eval);

    Path input = work.resolve("in");
    Files.createDirectories(input);
    Files.copy(LFW.resolve("Mick_Jagger/Mick_Jagger_0001.jpg"), input.resolve("a.jpg"));
    String augment =
        run(
            "augment",
            "--method",
            "gan",
            "--gan-model",
            gan.toString(),
            "--images",
            input.toString(),
            "--out",
            work.resolve("views").toString());
    assertTrue(augment.contains("no-face=0"), augment);
    assertTrue(Files.size(work.resolve("views/contact-sheet.png")) > 0);
  }

  private static FaceSample fixtureCrop(String crops) throws Exception {
    DatasetOptions options = new DatasetOptions();
    new CommandLine(options).parseArgs("--folder-dataset", LFW.toString(), "--crop-cache", crops);
    List<FaceSample> samples = new ArrayList<>(options.loadOrBuild("crops"));
    return samples.get(0);
  }

  private static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
    long sum = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      sum += Math.abs((a.rgb()[i] & 0xff) - (b.rgb()[i] & 0xff));
    }
    return sum / (double) a.rgb().length;
  }
}
