package facegate.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * P x K batches in which each identity's K images mix poses: {@code K / 2} profiles and the rest
 * frontals for an identity that has profiles, K frontals for one that has none (so that the hardest
 * positive of a frontal anchor is usually a profile). Within a pose, images are drawn without
 * replacement until exhausted, then again; identities are visited in a shuffled order, pass by
 * pass, never twice in a batch. Seeded: the same seed and samples give the same batches.
 */
public final class PoseBalancedSampler {
  private final int identitiesPerBatch;
  private final int imagesPerIdentity;
  private final List<Identity> identities;
  private final Random random;
  private final List<Integer> order = new ArrayList<>();
  private int next;

  private record Identity(List<Integer> frontals, List<Integer> profiles) {}

  /**
   * @param identities the identity of each sample, by index
   * @param profile whether each sample is a profile
   * @param identitiesPerBatch P, at least 2
   * @param imagesPerIdentity K, at least 2
   * @throws IllegalArgumentException when fewer than P identities have two or more frontals
   */
  public PoseBalancedSampler(
      List<String> identities,
      boolean[] profile,
      int identitiesPerBatch,
      int imagesPerIdentity,
      long seed) {
    if (identitiesPerBatch < 2 || imagesPerIdentity < 2 || profile.length != identities.size()) {
      throw new IllegalArgumentException(
          "need P >= 2, K >= 2 and one pose per sample: P="
              + identitiesPerBatch
              + " K="
              + imagesPerIdentity);
    }
    Map<String, Identity> byName = new LinkedHashMap<>();
    for (int i = 0; i < identities.size(); i++) {
      Identity identity =
          byName.computeIfAbsent(
              identities.get(i), k -> new Identity(new ArrayList<>(), new ArrayList<>()));
      (profile[i] ? identity.profiles() : identity.frontals()).add(i);
    }
    this.identities = byName.values().stream().filter(g -> g.frontals().size() >= 2).toList();
    if (this.identities.size() < identitiesPerBatch) {
      throw new IllegalArgumentException(
          "only " + this.identities.size() + " identities have two frontals; P needs more");
    }
    this.identitiesPerBatch = identitiesPerBatch;
    this.imagesPerIdentity = imagesPerIdentity;
    this.random = new Random(seed);
  }

  /** The next batch: P x K sample indices, K consecutive per identity (frontals first). */
  public int[] nextBatch() {
    int[] batch = new int[identitiesPerBatch * imagesPerIdentity];
    if (order.size() - next < identitiesPerBatch) {
      order.clear();
      for (int i = 0; i < identities.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      next = 0;
    }
    for (int p = 0; p < identitiesPerBatch; p++) {
      Identity identity = identities.get(order.get(next++));
      int profiles = identity.profiles().isEmpty() ? 0 : imagesPerIdentity / 2;
      int offset = p * imagesPerIdentity;
      draw(identity.frontals(), imagesPerIdentity - profiles, batch, offset);
      draw(identity.profiles(), profiles, batch, offset + imagesPerIdentity - profiles);
    }
    return batch;
  }

  private void draw(List<Integer> group, int count, int[] batch, int offset) {
    List<Integer> pool = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      if (pool.isEmpty()) {
        pool.addAll(group);
        Collections.shuffle(pool, random);
      }
      batch[offset + k] = pool.remove(pool.size() - 1);
    }
  }
}
