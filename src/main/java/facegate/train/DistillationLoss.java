package facegate.train;

import ai.djl.ndarray.NDArray;

/**
 * Learning without forgetting for fine-tuning: the mean, over the frontal rows of a batch, of the
 * squared Euclidean distance between the L2-normalised embedding and the original network's
 * (normalised) embedding of the same input. It keeps frontal faces where the service's threshold
 * and galleries expect them while profiles are pulled in. 0 (with a gradient of 0) when the batch
 * has no frontal row.
 */
public final class DistillationLoss {
  private DistillationLoss() {}

  /**
   * @param embeddings {@code [n, d]}, any scale
   * @param originals {@code [n, d]}, the original network's embeddings of the same inputs
   * @param frontal which rows take part
   */
  public static NDArray compute(NDArray embeddings, NDArray originals, boolean[] frontal) {
    long n = embeddings.getShape().get(0);
    if (n != frontal.length || !embeddings.getShape().equals(originals.getShape())) {
      throw new IllegalArgumentException(
          "shapes " + embeddings.getShape() + ", " + originals.getShape() + ", " + frontal.length);
    }
    float[] weights = new float[frontal.length];
    int count = 0;
    for (int i = 0; i < frontal.length; i++) {
      if (frontal[i]) {
        weights[i] = 1;
        count++;
      }
    }
    NDArray difference = unit(embeddings).sub(unit(originals));
    NDArray perRow = difference.mul(difference).sum(new int[] {1});
    NDArray mask = embeddings.getManager().create(weights);
    return perRow.mul(mask).sum().div(Math.max(1, count));
  }

  private static NDArray unit(NDArray rows) {
    return rows.div(rows.norm(new int[] {1}, true).add(1e-12f));
  }
}
