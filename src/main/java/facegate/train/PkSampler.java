package facegate.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws training batches of P identities × K images each (Hermans et al., "In Defense of the
 * Triplet Loss"), so that every anchor in a batch has positives and negatives. Seeded: the same
 * seed and samples give the same batches.
 *
 * <p>Only identities with at least two images take part. An identity with fewer than K images
 * repeats some of them (drawn without replacement until exhausted, then again). Identities are
 * visited in a shuffled order, epoch by epoch, so each appears once per pass before any repeats.
 */
public final class PkSampler {
  private final int identitiesPerBatch;
  private final int imagesPerIdentity;
  private final List<List<Integer>> groups;
  private final Random random;
  private final List<Integer> order = new ArrayList<>();
  private int next;

  /**
   * @param identities the identity of each sample, by index
   * @param identitiesPerBatch P, at least 2
   * @param imagesPerIdentity K, at least 2
   * @throws IllegalArgumentException when fewer than P identities have two or more images
   */
  public PkSampler(
      List<String> identities, int identitiesPerBatch, int imagesPerIdentity, long seed) {
    if (identitiesPerBatch < 2 || imagesPerIdentity < 2) {
      throw new IllegalArgumentException(
          "need P >= 2 and K >= 2: P=" + identitiesPerBatch + " K=" + imagesPerIdentity);
    }
    Map<String, List<Integer>> byIdentity = new LinkedHashMap<>();
    for (int i = 0; i < identities.size(); i++) {
      byIdentity.computeIfAbsent(identities.get(i), k -> new ArrayList<>()).add(i);
    }
    groups = byIdentity.values().stream().filter(g -> g.size() >= 2).toList();
    if (groups.size() < identitiesPerBatch) {
      throw new IllegalArgumentException(
          "only "
              + groups.size()
              + " identities have two or more images; P="
              + identitiesPerBatch
              + " needs more");
    }
    this.identitiesPerBatch = identitiesPerBatch;
    this.imagesPerIdentity = imagesPerIdentity;
    this.random = new Random(seed);
  }

  /** How many identities take part (those with two or more images). */
  public int identityCount() {
    return groups.size();
  }

  /** Batches per pass over the identities. */
  public int batchesPerEpoch() {
    return groups.size() / identitiesPerBatch;
  }

  /** The next batch: P × K sample indices, identity by identity (K consecutive per identity). */
  public int[] nextBatch() {
    int[] batch = new int[identitiesPerBatch * imagesPerIdentity];
    if (order.size() - next < identitiesPerBatch) {
      // A new pass; the old pass's tail is dropped so that no batch holds an identity twice.
      order.clear();
      for (int i = 0; i < groups.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      next = 0;
    }
    for (int p = 0; p < identitiesPerBatch; p++) {
      List<Integer> group = groups.get(order.get(next++));
      List<Integer> pool = new ArrayList<>();
      for (int k = 0; k < imagesPerIdentity; k++) {
        if (pool.isEmpty()) {
          pool.addAll(group);
          Collections.shuffle(pool, random);
        }
        batch[p * imagesPerIdentity + k] = pool.remove(pool.size() - 1);
      }
    }
    return batch;
  }
}
