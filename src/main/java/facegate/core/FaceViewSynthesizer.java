package facegate.core;

import java.util.List;
import java.util.Random;

/**
 * Makes new views of one aligned face: the same person seen at other poses (a 3D re-rendering, a
 * pose GAN). Training uses it to augment its data; enrollment uses it to add pose templates.
 */
public interface FaceViewSynthesizer {

  /**
   * @param chip an aligned face chip, as {@code FaceAligner} cuts it
   * @param landmarks the chip's 68 landmarks, in chip pixels
   * @param random the source of any randomness, so that callers can seed it
   * @return new views, aligned and sized like {@code chip}; empty when none can be made
   */
  List<RgbImage> synthesize(RgbImage chip, Landmarks landmarks, Random random);

  /** A short name for logs, manifests and reports, such as {@code 3d} or {@code gan}. */
  String name();
}
