package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.RgbImage;
import facegate.pose.PoseBucket;
import facegate.pose.PoseGan;
import facegate.train.FaceSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-gan} for a few steps on the fixture crops (cut by the real pipeline), with the
 * shipped from-scratch network as the frozen identity network: losses finite, sample grids and a
 * generator folder written, and the generator loads as a {@link PoseGan} that makes one view per
 * other pose domain, close to the face after so few steps (the generator starts as the identity).
 * Then {@code gan-eval} and {@code augment --method gan} run on it.
 */
class TrainGanSmokeIT {
  @TempDir Path work;

  @Test
  void trainsAGeneratorThatLoadsAndTurnsFaces() throws Exception {
    Path gan = work.resolve("gan");
    String crops = work.resolve("crops").toString();
    GeneratorSmoke.train("train-gan", gan, crops, 4, PoseGan.MANIFEST);

    FaceSample face = GeneratorSmoke.fixtureCrop(crops);
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
        GeneratorSmoke.run(
            "gan-eval",
            "--folder-dataset",
            GeneratorSmoke.LFW.toString(),
            "--crop-cache",
            crops,
            "--gan-model",
            gan.toString(),
            "--faces",
            "6");
    assertTrue(eval.contains("| gan same domain | 6 |"), eval);
    assertTrue(eval.contains("gan-turned-views fd-to-real="), eval);

    GeneratorSmoke.augment(work, "gan", "--gan-model", gan);
  }

  private static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
    long sum = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      sum += Math.abs((a.rgb()[i] & 0xff) - (b.rgb()[i] & 0xff));
    }
    return sum / (double) a.rgb().length;
  }
}
