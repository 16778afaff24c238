package facegate.train;

import java.util.List;

/**
 * What the tail trains on: per image, the cached trunk features of its chip and of the chip's
 * mirror image, the original network's embeddings of both (for {@link DistillationLoss}), its
 * identity and its pose; and optional augmented views ({@link Views}) that replace an image's rows
 * with probability {@link #VIEW_PROBABILITY}.
 *
 * @param features {@code 2 * n} rows: image {@code i}'s chip at {@code 2i}, its mirror at {@code 2i
 *     + 1}
 * @param originals the original network's raw embeddings, rows as {@code features}
 * @param identities {@code n} identities
 * @param profile {@code n} poses (true for a profile)
 * @param views augmentation views, empty for none
 */
public record TailTrainingData(
    float[][] features,
    float[][] originals,
    List<String> identities,
    boolean[] profile,
    List<Views> views) {
  /** How often an image is replaced by one of its views (when it has one). */
  public static final double VIEW_PROBABILITY = 0.5;

  /**
   * One augmentation's views of the same {@code n} images, rows as {@code features}.
   *
   * @param available whether image {@code i} has a view
   * @param poseView a synthesized pose: no distillation towards the original embedding
   */
  public record Views(
      String name, float[][] features, float[][] originals, boolean[] available, boolean poseView) {
    public Views {
      if (features.length != 2 * available.length || originals.length != features.length) {
        throw new IllegalArgumentException("need two view and original rows per image");
      }
    }
  }

  public TailTrainingData {
    identities = List.copyOf(identities);
    views = List.copyOf(views);
    if (features.length != 2 * identities.size()
        || originals.length != features.length
        || profile.length != identities.size()) {
      throw new IllegalArgumentException(
          "need 2n feature and original rows and n poses for n = " + identities.size());
    }
    for (Views view : views) {
      if (view.available().length != identities.size()) {
        throw new IllegalArgumentException("views '" + view.name() + "' cover other images");
      }
    }
  }

  /** Without augmentation views. */
  public TailTrainingData(
      float[][] features, float[][] originals, List<String> identities, boolean[] profile) {
    this(features, originals, identities, profile, List.of());
  }

  public int size() {
    return identities.size();
  }
}
