package facegate.train;

import facegate.core.FaceViewSynthesizer;
import facegate.core.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What happens to a training chip before it enters the network: {@code none}, {@code classic}
 * ({@link ClassicAugmentation}), or synthesizer names ({@code 3d}, {@code gan}) joined with {@code
 * +}, e.g. {@code 3d+gan} or {@code classic+3d}. A synthesizer replaces the chip, with probability
 * {@link #SYNTHESIS_PROBABILITY}, by one of the views it makes of it (chosen at random); classic
 * augmentation then applies on top.
 */
public final class AugmentationPolicy {
  /** How often a chip is replaced by a synthesized view when synthesizers are named. */
  public static final double SYNTHESIS_PROBABILITY = 0.5;

  private final String name;
  private final boolean classic;
  private final List<FaceViewSynthesizer> synthesizers;

  private AugmentationPolicy(String name, boolean classic, List<FaceViewSynthesizer> synthesizers) {
    this.name = name;
    this.classic = classic;
    this.synthesizers = List.copyOf(synthesizers);
  }

  /**
   * Parses a policy name.
   *
   * @throws IllegalArgumentException for an unknown part, or a synthesizer not registered
   */
  public static AugmentationPolicy parse(String policy, ViewSynthesizers registry) {
    boolean classic = false;
    List<FaceViewSynthesizer> synthesizers = new ArrayList<>();
    if (!"none".equals(policy)) {
      for (String part : policy.split("\\+")) {
        if ("classic".equals(part)) {
          classic = true;
        } else if (ViewSynthesizers.RESERVED.contains(part)) {
          synthesizers.add(registry.create(part));
        } else {
          throw new IllegalArgumentException(
              "unknown augmentation '" + part + "'; use none, classic, 3d, gan or a + of them");
        }
      }
    }
    return new AugmentationPolicy(policy, classic, synthesizers);
  }

  public String name() {
    return name;
  }

  /** The chip to train on this time. */
  public RgbImage apply(FaceSample sample, Random random) {
    RgbImage chip = sample.chip();
    if (!synthesizers.isEmpty() && random.nextDouble() < SYNTHESIS_PROBABILITY) {
      FaceViewSynthesizer synthesizer = synthesizers.get(random.nextInt(synthesizers.size()));
      chip = synthesizer.oneView(chip, sample.chipLandmarks(), random).orElse(chip);
    }
    return classic ? ClassicAugmentation.apply(chip, random) : chip;
  }
}
