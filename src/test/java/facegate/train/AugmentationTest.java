package facegate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.FaceViewSynthesizer;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {
  private static FaceSample sample() {
    byte[] rgb = new byte[32 * 32 * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) ((i * 37) % 251);
    }
    return new FaceSample(
        "a", "a.jpg", new RgbImage(32, 32, rgb), new Landmarks(new double[Landmarks.COUNT * 2]));
  }

  @Test
  void classicIsSeededAndKeepsTheSize() {
    AugmentationPolicy policy = AugmentationPolicy.parse("classic", ViewSynthesizers.defaults());
    RgbImage first = policy.apply(sample(), new Random(5));
    RgbImage again = policy.apply(sample(), new Random(5));
    RgbImage other = policy.apply(sample(), new Random(6));
    assertEquals(32, first.width());
    assertEquals(32, first.height());
    assertArrayEquals(first.rgb(), again.rgb());
    assertFalse(Arrays.equals(first.rgb(), other.rgb()), "seeds 5 and 6 gave the same image");
    assertFalse(Arrays.equals(first.rgb(), sample().chip().rgb()), "nothing changed");
  }

  @Test
  void noneIsTheIdentity() {
    AugmentationPolicy policy = AugmentationPolicy.parse("none", ViewSynthesizers.defaults());
    assertArrayEquals(sample().chip().rgb(), policy.apply(sample(), new Random(1)).rgb());
  }

  /** A 3x3 box blur of a single bright pixel spreads it as 255/9 = 28.33 → 28 over 9 pixels. */
  @Test
  void blurAveragesTheNeighbourhood() {
    byte[] rgb = new byte[5 * 5 * 3];
    rgb[(2 * 5 + 2) * 3] = (byte) 255;
    RgbImage blurred = ClassicAugmentation.boxBlur(new RgbImage(5, 5, rgb));
    assertEquals(28, blurred.channel(2, 2, 0));
    assertEquals(28, blurred.channel(1, 1, 0));
    assertEquals(0, blurred.channel(0, 0, 0));
    assertEquals(0, blurred.channel(2, 2, 1));
  }

  @Test
  void unregisteredSynthesizersFailLoudly() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AugmentationPolicy.parse("3d+gan", new ViewSynthesizers()));
    assertTrue(e.getMessage().contains("pose package"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> AugmentationPolicy.parse("sepia", ViewSynthesizers.defaults()));
  }

  @Test
  void aRegisteredSynthesizerIsUsed() {
    RgbImage view = new RgbImage(32, 32, new byte[32 * 32 * 3]);
    FaceViewSynthesizer black =
        new FaceViewSynthesizer() {
          @Override
          public List<RgbImage> synthesize(RgbImage chip, Landmarks landmarks, Random random) {
            return List.of(view);
          }

          @Override
          public String name() {
            return "3d";
          }
        };
    AugmentationPolicy policy =
        AugmentationPolicy.parse("3d", ViewSynthesizers.defaults().register("3d", () -> black));
    int replaced = 0;
    Random random = new Random(3);
    for (int i = 0; i < 100; i++) {
      if (policy.apply(sample(), random) == view) {
        replaced++;
      }
    }
    assertTrue(replaced > 30 && replaced < 70, "replaced " + replaced + " of 100");
  }
}
