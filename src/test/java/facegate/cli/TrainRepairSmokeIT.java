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

/**
 * {@code train-repair} for a few steps on the fixture crops (cut by the real pipeline), with the
 * shipped from-scratch network as the frozen identity network: losses finite, sample grids and a
 * generator folder written; the generator loads as a {@link RenderRepair} that makes one repaired
 * view per yaw of the 3D renderer; {@code augment --method rr} writes views and a contact sheet.
 */
class TrainRepairSmokeIT {
  private static final Pattern L1 = Pattern.compile("l1-loss=(\\S+) unrepaired-l1=(\\S+)");
  private static final Pattern PROFILE = Pattern.compile("\"profileIdentity\": (\\S+?),?\n");

  @TempDir Path work;

  @Test
  void trainsARepairGeneratorThatLoadsAndRepairsRenders() throws Exception {
    Path model = work.resolve("rr");
    String crops = work.resolve("crops").toString();
    String out = GeneratorSmoke.train("train-repair", model, crops, 2, RenderRepair.MANIFEST);
    Matcher m = L1.matcher(out);
    assertTrue(m.find(), out);
    assertTrue(Double.isFinite(Double.parseDouble(m.group(1))), out);
    assertTrue(Double.parseDouble(m.group(2)) > 0, "a back-render differs from its photo: " + out);

    FaceSample face = GeneratorSmoke.fixtureCrop(crops);
    try (RenderRepair repair = RenderRepair.open(model, FaceRenderer3d.shipped())) {
      List<RgbImage> views = repair.synthesize(face.chip(), face.chipLandmarks(), new Random(1));
      assertEquals(FaceRenderer3d.DEFAULT_YAWS.size(), views.size());
      for (RgbImage view : views) {
        assertEquals(face.chip().width(), view.width());
      }
      RgbImage turned = repair.turn(face.chip(), face.chipLandmarks(), 30);
      assertEquals(face.chip().width(), turned.width());
    }

    String augment = GeneratorSmoke.augment(work, "rr", "--repair-model", model);
    assertTrue(augment.contains("views=6"), augment);
    assertTrue(Files.exists(work.resolve("views/a-rr-0.png")));
  }

  @Test
  void trainsWithTheRealProfileIdentityTermThroughTheShippedEmbedder() throws Exception {
    Path model = work.resolve("rr-profile");
    String crops = work.resolve("crops").toString();
    // fixture faces at |yaw| >= 5 play the real turned faces, so that people have both kinds
    String out =
        GeneratorSmoke.train(
            "train-repair",
            model,
            crops,
            2,
            RenderRepair.MANIFEST,
            "--lambda-profile",
            "1",
            "--turned-yaw",
            "5");
    String card = Files.readString(model.resolve(RenderRepair.MANIFEST));
    Matcher term = PROFILE.matcher(card);
    assertTrue(term.find(), card);
    double loss = Double.parseDouble(term.group(1));
    assertTrue(loss > 0 && loss < 2, "1 - cos lies in (0, 2): " + card);
    assertTrue(card.contains("\"profileWeight\": 1.0"), card);
    assertTrue(card.contains("dlib-resnet-faceapi"), card);
    assertTrue(out.contains("steps=3"), out);
  }
}
