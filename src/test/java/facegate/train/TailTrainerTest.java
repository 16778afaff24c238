package facegate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import facegate.core.FaceViewSynthesizer;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.embed.DlibTail;
import facegate.embed.TrainableNetwork;
import facegate.vision.FaceAligner;
import facegate.vision.Mirror;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke fine-tune of the tail on the fixture faces (8 people, 3 photos each, the third called a
 * profile for the sampler): a few steps run, the head changes, the frozen trunk does not.
 */
class TailTrainerTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/lfw");
  private static final Path MODEL = Path.of("models/dlib-resnet-faceapi");

  @Test
  void fewStepsTrainTheTailAndLeaveTheTrunkAlone() throws IOException {
    Fixture fixture = fixture();
    List<String> identities = fixture.identities();
    List<RgbImage> chips = fixture.chips();
    boolean[] profile = fixture.profile();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (TrainableNetwork network = TrainableNetwork.load(MODEL, Device.cpu());
        DlibTail tail = DlibTail.of(network)) {
      float[][] features = tail.trunkFeatures(chips);
      float[][] originals = tail.embed(features);
      float[] trunkBefore = parameter(network, "01conv32_down_01conv_weight");
      float[] headBefore = parameter(network, "fc");
      TailTrainingConfig config =
          new TailTrainingConfig(
              4, 2, 0.2f, 1e-5f, TripletMiner.SEMI_HARD, 2, TripletMiner.BATCH_HARD, 4, 1f, 5);
      TailTrainer.Result result =
          new TailTrainer(config, new PrintStream(log, true, StandardCharsets.UTF_8))
              .train(tail, new TailTrainingData(features, originals, identities, profile));
      assertEquals(4, result.steps());
      assertTrue(result.spread() > TailTrainer.SPREAD_FLOOR, "spread " + result.spread());
      assertArrayEquals(
          trunkBefore, parameter(network, "01conv32_down_01conv_weight"), "the trunk is frozen");
      assertFalse(java.util.Arrays.equals(headBefore, parameter(network, "fc")), "head unchanged");
      assertFalse(
          java.util.Arrays.equals(originals[0], tail.embed(features)[0]), "embedding unchanged");
    }
    String lines = log.toString(StandardCharsets.UTF_8);
    assertTrue(lines.contains("step=2/4 miner=semi_hard"), lines);
    assertTrue(lines.contains("step=3/4 miner=batch_hard"), lines);
    assertTrue(lines.contains("active="), lines);
  }

  @Test
  void seedsChangeTheRunAndTheSameSeedRepeatsIt() throws IOException {
    Fixture fixture = fixture();
    float[] seed5 = trainedHead(fixture, 5, List.of());
    float[] again5 = trainedHead(fixture, 5, List.of());
    float[] seed6 = trainedHead(fixture, 6, List.of());
    assertArrayEquals(seed5, again5, "the same seed gave another run");
    assertFalse(java.util.Arrays.equals(seed5, seed6), "seeds 5 and 6 gave the same run");
  }

  @Test
  void viewsAreMadePerSeedOnlyForAllowedFacesAndChangeTheRun(@TempDir Path cache)
      throws IOException {
    Fixture fixture = fixture();
    List<FaceSample> faces = new ArrayList<>();
    for (int i = 0; i < fixture.identities().size(); i++) {
      faces.add(
          new FaceSample(
              fixture.identities().get(i),
              "face" + i,
              fixture.chips().get(2 * i),
              new Landmarks(new double[136])));
    }
    FaceViewSynthesizer upsideDown = synthesizer(Mirror::horizontal);
    try (TrainableNetwork network = TrainableNetwork.load(MODEL, Device.cpu());
        DlibTail tail = DlibTail.of(network)) {
      float[][] own = tail.trunkFeatures(fixture.chips());
      TrainingViews classic1 = views(cache, "classic", 1, faces, fixture, own, null, tail);
      TrainingViews classic1Again = views(cache, "classic", 1, faces, fixture, own, null, tail);
      TrainingViews classic2 = views(cache, "classic", 2, faces, fixture, own, null, tail);
      assertArrayEquals(classic1.features()[0], classic1Again.features()[0], "cache differs");
      assertFalse(
          java.util.Arrays.equals(classic1.features()[0], classic2.features()[0]),
          "seeds 1 and 2 made the same classic view");
      assertFalse(classic1.poseView());
      TrainingViews pose = views(cache, "3d", 1, faces, fixture, own, upsideDown, tail);
      assertTrue(pose.poseView());
      for (int i = 0; i < faces.size(); i++) {
        assertEquals(!fixture.profile()[i], pose.available()[i], "face " + i);
      }
      // a profile keeps its own rows; a frontal's view is its mirror: rows swapped
      assertArrayEquals(own[4], pose.features()[4], "profile 2 has no view");
      assertArrayEquals(own[1], pose.features()[0], 1e-4f, "frontal 0's view is its mirror");
      // another synthesizer under the same name and seed (a fixed renderer): not the cached views
      TrainingViews fixed =
          views(cache, "3d", 1, faces, fixture, own, synthesizer(chip -> chip), tail);
      assertArrayEquals(own[0], fixed.features()[0], 1e-4f, "the old renderer's view was reused");
    }
    float[] without = trainedHead(fixture, 5, List.of());
    float[] with = trainedHead(fixture, 5, List.of("classic"));
    assertFalse(java.util.Arrays.equals(without, with), "classic views did not change the run");
  }

  /** A synthesizer whose one view is {@code view} of the chip. */
  private static FaceViewSynthesizer synthesizer(java.util.function.UnaryOperator<RgbImage> view) {
    return new FaceViewSynthesizer() {
      @Override
      public List<RgbImage> synthesize(RgbImage chip, Landmarks landmarks, Random random) {
        return List.of(view.apply(chip));
      }

      @Override
      public String name() {
        return "fake";
      }
    };
  }

  private static TrainingViews views(
      Path cache,
      String component,
      long seed,
      List<FaceSample> faces,
      Fixture fixture,
      float[][] own,
      FaceViewSynthesizer synthesizer,
      DlibTail tail) {
    return TrainingViews.loadOrCompute(
        cache,
        "key",
        component,
        seed,
        faces,
        fixture.profile(),
        own,
        TrainingViews.maker(component, synthesizer),
        tail,
        done -> {});
  }

  private record Fixture(List<String> identities, List<RgbImage> chips, boolean[] profile) {}

  private static Fixture fixture() throws IOException {
    List<String> identities = new ArrayList<>();
    List<RgbImage> chips = new ArrayList<>();
    try (Stream<Path> people = Files.list(FIXTURES)) {
      for (Path person : people.sorted().limit(8).toList()) {
        try (Stream<Path> photos = Files.list(person)) {
          for (Path photo : photos.sorted().limit(3).toList()) {
            identities.add(person.getFileName().toString());
            RgbImage chip = FaceAligner.resampled(read(photo), 150);
            chips.add(chip);
            chips.add(Mirror.horizontal(chip));
          }
        }
      }
    }
    boolean[] profile = new boolean[identities.size()];
    for (int i = 2; i < profile.length; i += 3) {
      profile[i] = true;
    }
    return new Fixture(identities, chips, profile);
  }

  /** The head after 3 steps with {@code seed} and classic views when {@code components} say so. */
  private static float[] trainedHead(Fixture fixture, long seed, List<String> components) {
    try (TrainableNetwork network = TrainableNetwork.load(MODEL, Device.cpu());
        DlibTail tail = DlibTail.of(network)) {
      float[][] features = tail.trunkFeatures(fixture.chips());
      float[][] originals = tail.embed(features);
      List<TailTrainingData.Views> views = new ArrayList<>();
      if (components.contains("classic")) {
        List<RgbImage> flipped = new ArrayList<>();
        for (RgbImage chip : fixture.chips()) {
          flipped.add(ClassicAugmentation.apply(chip, new Random(seed)));
        }
        float[][] viewRows = tail.trunkFeatures(flipped);
        boolean[] all = new boolean[fixture.identities().size()];
        java.util.Arrays.fill(all, true);
        views.add(
            new TailTrainingData.Views("classic", viewRows, tail.embed(viewRows), all, false));
      }
      TailTrainingConfig config =
          new TailTrainingConfig(
              4, 2, 0.2f, 1e-4f, TripletMiner.BATCH_ALL, 0, TripletMiner.BATCH_ALL, 3, 1f, seed);
      new TailTrainer(
              config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
          .train(
              tail,
              new TailTrainingData(
                  features, originals, fixture.identities(), fixture.profile(), views));
      return parameter(network, "fc");
    }
  }

  private static float[] parameter(TrainableNetwork network, String prefix) {
    for (var pair : network.model().getBlock().getParameters()) {
      Parameter parameter = pair.getValue();
      if (pair.getKey().equals(prefix)) {
        return parameter.getArray().toFloatArray();
      }
    }
    throw new AssertionError(
        "no parameter " + prefix + " in " + network.model().getBlock().getParameters().keys());
  }

  private static RgbImage read(Path photo) throws IOException {
    BufferedImage image = ImageIO.read(photo.toFile());
    byte[] rgb = new byte[image.getWidth() * image.getHeight() * 3];
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int pixel = image.getRGB(x, y);
        int at = 3 * (y * image.getWidth() + x);
        rgb[at] = (byte) (pixel >> 16);
        rgb[at + 1] = (byte) (pixel >> 8);
        rgb[at + 2] = (byte) pixel;
      }
    }
    return new RgbImage(image.getWidth(), image.getHeight(), rgb);
  }
}
