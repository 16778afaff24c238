package facegate.train;

import java.util.List;

/**
 * What the tail trains on: per image, the cached trunk features of its chip and of the chip's
 * mirror image, the original network's embeddings of both (for {@link DistillationLoss}), its
 * identity and its pose.
 *
 * @param features {@code 2 * n} rows: image {@code i}'s chip at {@code 2i}, its mirror at {@code 2i
 *     + 1}
 * @param originals the original network's raw embeddings, rows as {@code features}
 * @param identities {@code n} identities
 * @param profile {@code n} poses (true for a profile)
 */
public record TailTrainingData(
    float[][] features, float[][] originals, List<String> identities, boolean[] profile) {
  public TailTrainingData {
    identities = List.copyOf(identities);
    if (features.length != 2 * identities.size()
        || originals.length != features.length
        || profile.length != identities.size()) {
      throw new IllegalArgumentException(
          "need 2n feature and original rows and n poses for n = " + identities.size());
    }
  }

  public int size() {
    return identities.size();
  }
}
