package facegate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Parameter;
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
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A smoke fine-tune of the tail on the fixture faces (8 people, 3 photos each, the third called a
 * profile for the sampler): a few steps run, the head changes, the frozen trunk does not.
 */
class TailTrainerTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/lfw");
  private static final Path MODEL = Path.of("models/dlib-resnet-faceapi");

  @Test
  void fewStepsTrainTheTailAndLeaveTheTrunkAlone() throws IOException {
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
