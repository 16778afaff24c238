package facegate.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentitySplitTest {
  private static List<FaceSample> samples() {
    List<FaceSample> samples = new ArrayList<>();
    RgbImage chip = new RgbImage(8, 8, new byte[8 * 8 * 3]);
    Landmarks landmarks = new Landmarks(new double[Landmarks.COUNT * 2]);
    for (int person = 0; person < 20; person++) {
      for (int image = 0; image < 1 + person % 4; image++) {
        samples.add(new FaceSample("p" + person, "p" + person + "/" + image, chip, landmarks));
      }
    }
    return samples;
  }

  @Test
  void noIdentityOnBothSidesAndExcludedOnNeither() {
    IdentitySplit split = IdentitySplit.of(samples(), 0.25, 9, Set.of("p3", "p7"));
    Set<String> training = new HashSet<>();
    split.training().forEach(s -> training.add(s.identity()));
    Set<String> validation = new HashSet<>();
    split.validation().forEach(s -> validation.add(s.identity()));
    for (String identity : validation) {
      assertFalse(training.contains(identity), identity + " is on both sides");
    }
    assertFalse(training.contains("p3") || validation.contains("p3"));
    assertFalse(training.contains("p7") || validation.contains("p7"));
    // p0, p4, p8, p12, p16 have one image, so 15 people can give same-person pairs; without the
    // excluded p3 and p7, 13; a quarter of 13, rounded, is 3 held aside.
    assertEquals(3, countIds(split));
    // p3 and p7 have 4 images each; everything else is kept.
    assertEquals(samples().size() - 8, split.training().size() + split.validation().size());
    assertTrue(split.validation().stream().allMatch(s -> !s.identity().equals("p0")));
  }

  private static int countIds(IdentitySplit split) {
    return (int) split.validation().stream().map(FaceSample::identity).distinct().count();
  }

  @Test
  void seededSplitRepeats() {
    assertEquals(
        IdentitySplit.of(samples(), 0.3, 4, Set.of()).validation().stream()
            .map(FaceSample::source)
            .toList(),
        IdentitySplit.of(samples(), 0.3, 4, Set.of()).validation().stream()
            .map(FaceSample::source)
            .toList());
  }
}
