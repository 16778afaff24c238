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

  /**
   * One of the views {@link #synthesize} makes, chosen with {@code random}: what training
   * augmentation needs per chip. Implementations override it to make only that view.
   *
   * @return the view; empty when none can be made
   */
  default java.util.Optional<RgbImage> oneView(RgbImage chip, Landmarks landmarks, Random random) {
    List<RgbImage> views = synthesize(chip, landmarks, random);
    return views.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(views.get(random.nextInt(views.size())));
  }

  /** A short name for logs, manifests and reports, such as {@code 3d} or {@code gan}. */
  String name();
}
