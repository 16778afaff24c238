package facegate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four unit 2-d embeddings, identities [0, 0, 1, 1], margin 0.2:
 *
 * <pre>
 * e0 = (1, 0)   e1 = (0.6, 0.8)   e2 = (0.8, 0.6)   e3 = (0, 1)
 * squared distances d = 2 - 2 cos:
 *   d01 = 0.8   d02 = 0.4   d03 = 2.0   d12 = 0.08   d13 = 0.4   d23 = 0.8
 * </pre>
 *
 * Every expected number below is worked out by hand from this table.
 */
class TripletLossTest {
  private static final float[] EMBEDDINGS = {1, 0, 0.6f, 0.8f, 0.8f, 0.6f, 0, 1};
  private static final int[] LABELS = {0, 0, 1, 1};
  private static final float MARGIN = 0.2f;

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray embeddings() {
    return manager.create(EMBEDDINGS, new Shape(4, 2));
  }

  /**
   * Batch-hard: per anchor (hardest positive, hardest negative) → hinge: a0 (d01 0.8, d02 0.4) →
   * 0.6; a1 (d10 0.8, d12 0.08) → 0.92; a2 (d23 0.8, d21 0.08) → 0.92; a3 (d32 0.8, d31 0.4) → 0.6.
   * Mean (0.6 + 0.92 + 0.92 + 0.6) / 4 = 0.76; all 4 active.
   */
  @Test
  void batchHard() {
    TripletLoss.Result result =
        new TripletLoss(TripletMiner.BATCH_HARD, MARGIN, false).compute(embeddings(), LABELS);
    assertEquals(0.76f, result.loss().getFloat(), 1e-5);
    assertEquals(4, result.triplets());
    assertEquals(1.0, result.activeFraction(), 1e-9);
  }

  /**
   * Batch-all: 8 valid triplets (a, p, n): (0,1,2) 0.6, (0,1,3) 0.8-2+0.2 < 0 → 0, (1,0,2) 0.92,
   * (1,0,3) 0.6, (2,3,0) 0.6, (2,3,1) 0.92, (3,2,0) 0, (3,2,1) 0.6. 6 active, sum 4.24, loss 4.24 /
   * 6 = 0.706667; active fraction 6 / 8.
   */
  @Test
  void batchAll() {
    TripletLoss.Result result =
        new TripletLoss(TripletMiner.BATCH_ALL, MARGIN, false).compute(embeddings(), LABELS);
    assertEquals(4.24f / 6, result.loss().getFloat(), 1e-5);
    assertEquals(8, result.triplets());
    assertEquals(0.75, result.activeFraction(), 1e-9);
  }

  /**
   * Semi-hard, per positive pair: (0,1) d=0.8, negatives 0.4, 2.0 → nearest farther than 0.8 is e3
   * (2.0) → 0; (1,0) d=0.8, negatives 0.08, 0.4, none farther → farthest e3 (0.4) → 0.6; (2,3)
   * d=0.8, negatives 0.4, 0.08 → farthest e0 (0.4) → 0.6; (3,2) d=0.8, negatives 2.0, 0.4 → e0
   * (2.0) → 0. Mean 1.2 / 4 = 0.3; 2 of 4 active.
   */
  @Test
  void semiHard() {
    Triplets chosen =
        TripletMiner.SEMI_HARD.select(
            new float[] {
              0, 0.8f, 0.4f, 2, 0.8f, 0, 0.08f, 0.4f, 0.4f, 0.08f, 0, 0.8f, 2, 0.4f, 0.8f, 0
            },
            LABELS);
    assertArrayEquals(new int[] {0, 1, 2, 3}, chosen.anchors());
    assertArrayEquals(new int[] {1, 0, 3, 2}, chosen.positives());
    assertArrayEquals(new int[] {3, 3, 0, 0}, chosen.negatives());
    TripletLoss.Result result =
        new TripletLoss(TripletMiner.SEMI_HARD, MARGIN, false).compute(embeddings(), LABELS);
    assertEquals(0.3f, result.loss().getFloat(), 1e-5);
    assertEquals(0.5, result.activeFraction(), 1e-9);
  }

  /**
   * Soft margin over the batch-hard triplets: d(a,p) - d(a,n) = 0.4, 0.72, 0.72, 0.4; log(1 +
   * e^0.4) = log(2.4918247) = 0.9130153, log(1 + e^0.72) = log(3.0544332) = 1.1165930; mean
   * 1.0148042.
   */
  @Test
  void softMargin() {
    TripletLoss.Result result =
        new TripletLoss(TripletMiner.BATCH_HARD, MARGIN, true).compute(embeddings(), LABELS);
    assertEquals(1.0148042f, result.loss().getFloat(), 1e-5);
  }

  /** The loss normalises its input: scaled embeddings give the same loss. */
  @Test
  void normalisesEmbeddings() {
    TripletLoss loss = new TripletLoss(TripletMiner.BATCH_HARD, MARGIN, false);
    assertEquals(0.76f, loss.compute(embeddings().mul(3.5f), LABELS).loss().getFloat(), 1e-5);
  }

  /**
   * The gradient reaches the embeddings. Batch-hard, anchor 0 only matters through its own triplet
   * and as a negative of anchor 2 and 3 ... so check the total: moving every embedding along the
   * negative gradient must lower the loss.
   */
  @Test
  void gradientLowersTheLoss() {
    TripletLoss loss = new TripletLoss(TripletMiner.BATCH_HARD, MARGIN, false);
    NDArray x = embeddings();
    x.setRequiresGradient(true);
    float before;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray value = loss.compute(x, LABELS).loss();
      before = value.getFloat();
      collector.backward(value);
    }
    NDArray gradient = x.getGradient();
    assertTrue(gradient.abs().sum().getFloat() > 0, "gradient is zero");
    NDArray stepped = x.sub(gradient.mul(0.05f));
    float after = loss.compute(stepped, LABELS).loss().getFloat();
    assertTrue(after < before, "loss did not decrease: " + before + " -> " + after);
  }

  /** One identity only: no negatives, no triplets, loss 0, no active triplets. */
  @Test
  void noTriplets() {
    TripletLoss.Result result =
        new TripletLoss(TripletMiner.BATCH_ALL, MARGIN, false)
            .compute(embeddings(), new int[] {5, 5, 5, 5});
    assertEquals(0f, result.loss().getFloat(), 0);
    assertEquals(0, result.triplets());
    assertEquals(0, result.activeFraction(), 0);
  }
}
