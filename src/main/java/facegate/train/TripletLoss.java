package facegate.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;
import java.util.Locale;

/**
 * The triplet loss on L2-normalised embeddings with squared Euclidean distance (FaceNet): {@code
 * max(0, d(a,p) − d(a,n) + margin)}, or the soft-margin variant {@code log(1 + exp(d(a,p) −
 * d(a,n)))} (Hermans et al.), over the triplets a {@link TripletMiner} chooses.
 *
 * <p>Reduction: with {@link TripletMiner#BATCH_ALL} the sum over the active triplets (loss > 0)
 * divided by their number (easy triplets would otherwise dilute the gradient); with the other
 * miners the mean over the chosen triplets. A batch with no triplet, or no active one, gives 0.
 * Embeddings are normalised here, so raw network outputs may be passed.
 *
 * <p>A triplet is active when it violates the margin ({@code d(a,p) − d(a,n) + margin > 0}); the
 * same definition is used for the soft-margin variant, whose loss is never exactly 0.
 */
public final class TripletLoss extends Loss {
  private final TripletMiner miner;
  private final float margin;
  private final boolean softMargin;
  private Result last;

  /** What one evaluation produced. */
  public record Result(NDArray loss, int triplets, int active) {
    /** Fraction of the chosen triplets that are active; 0 when there are none. */
    public double activeFraction() {
      return triplets == 0 ? 0 : (double) active / triplets;
    }
  }

  /**
   * @param margin the hinge margin, at least 0 (for the soft-margin variant, only used to count
   *     active triplets)
   */
  public TripletLoss(TripletMiner miner, float margin, boolean softMargin) {
    super(String.format(Locale.ROOT, "triplet-%s", miner.name().toLowerCase(Locale.ROOT)));
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("margin must be >= 0: " + margin);
    }
    this.miner = miner;
    this.margin = margin;
    this.softMargin = softMargin;
  }

  /**
   * The loss of one batch.
   *
   * @param embeddings {@code [n, d]}, any scale
   * @param labels identity of each row
   */
  public Result compute(NDArray embeddings, int[] labels) {
    long n = embeddings.getShape().get(0);
    if (n != labels.length) {
      throw new IllegalArgumentException(n + " embeddings but " + labels.length + " labels");
    }
    NDArray unit = embeddings.div(embeddings.norm(new int[] {1}, true).add(1e-12f));
    // |u - v|² = 2 - 2 u·v for unit vectors; rounding can make it slightly negative.
    NDArray distances = unit.matMul(unit.transpose()).mul(-2f).add(2f).maximum(0f);
    Triplets triplets = miner.select(distances.toFloatArray(), labels);
    NDManager manager = embeddings.getManager();
    if (triplets.size() == 0) {
      return new Result(distances.sum().mul(0f), 0, 0);
    }
    long[] ap = new long[triplets.size()];
    long[] an = new long[triplets.size()];
    for (int i = 0; i < ap.length; i++) {
      ap[i] = (long) triplets.anchors()[i] * n + triplets.positives()[i];
      an[i] = (long) triplets.anchors()[i] * n + triplets.negatives()[i];
    }
    NDArray flat = distances.reshape(-1);
    NDArray difference = flat.take(manager.create(ap)).sub(flat.take(manager.create(an)));
    NDArray violation = difference.add(margin);
    int active = (int) violation.gt(0f).sum().toLongArray()[0];
    NDArray perTriplet = softMargin ? Activation.softPlus(difference) : Activation.relu(violation);
    NDArray loss;
    if (miner == TripletMiner.BATCH_ALL && !softMargin) {
      loss = perTriplet.sum().div(Math.max(1, active));
    } else {
      loss = perTriplet.mean();
    }
    return new Result(loss, triplets.size(), active);
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code labels} holds one array of integer identities; {@code predictions} the embeddings.
   */
  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    int[] ids =
        labels.singletonOrThrow().toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
    last = compute(predictions.singletonOrThrow(), ids);
    return last.loss();
  }

  /** The result of the latest {@link #evaluate}; null before the first. */
  public Result lastResult() {
    return last;
  }

  public TripletMiner miner() {
    return miner;
  }
}
