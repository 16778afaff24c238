package facegate.train;

/**
 * Triplets chosen by a {@link TripletMiner}: {@code (anchors[i], positives[i], negatives[i])} are
 * sample indices within a batch.
 */
public record Triplets(int[] anchors, int[] positives, int[] negatives) {
  public Triplets {
    if (anchors.length != positives.length || anchors.length != negatives.length) {
      throw new IllegalArgumentException("anchor, positive and negative counts differ");
    }
  }

  public int size() {
    return anchors.length;
  }
}
