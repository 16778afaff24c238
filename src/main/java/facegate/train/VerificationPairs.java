package facegate.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Same- and different-person pairs of sample indices, for validation.
 *
 * @param left index of each pair's first sample
 * @param right index of each pair's second sample
 * @param same whether each pair shows one person
 */
public record VerificationPairs(int[] left, int[] right, boolean[] same) {
  public VerificationPairs {
    if (left.length != right.length || left.length != same.length) {
      throw new IllegalArgumentException("pair arrays differ in length");
    }
  }

  public int size() {
    return left.length;
  }

  /**
   * Up to {@code count} same-person pairs (two distinct images of one identity, identities taken in
   * turn) and as many different-person pairs (two random identities), seeded.
   */
  public static VerificationPairs sample(List<FaceSample> samples, int count, long seed) {
    Random random = new Random(seed);
    Map<String, List<Integer>> byIdentity = new LinkedHashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      byIdentity.computeIfAbsent(samples.get(i).identity(), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> groups = new ArrayList<>(byIdentity.values());
    List<List<Integer>> multi = groups.stream().filter(g -> g.size() >= 2).toList();
    List<int[]> pairs = new ArrayList<>();
    List<Boolean> same = new ArrayList<>();
    for (int i = 0; i < count && !multi.isEmpty(); i++) {
      List<Integer> group = multi.get(i % multi.size());
      int a = random.nextInt(group.size());
      int b = (a + 1 + random.nextInt(group.size() - 1)) % group.size();
      pairs.add(new int[] {group.get(a), group.get(b)});
      same.add(true);
    }
    int positives = pairs.size();
    for (int i = 0; i < positives && groups.size() >= 2; i++) {
      int g1 = random.nextInt(groups.size());
      int g2 = (g1 + 1 + random.nextInt(groups.size() - 1)) % groups.size();
      List<Integer> a = groups.get(g1);
      List<Integer> b = groups.get(g2);
      pairs.add(new int[] {a.get(random.nextInt(a.size())), b.get(random.nextInt(b.size()))});
      same.add(false);
    }
    int[] left = new int[pairs.size()];
    int[] right = new int[pairs.size()];
    boolean[] sameArray = new boolean[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      left[i] = pairs.get(i)[0];
      right[i] = pairs.get(i)[1];
      sameArray[i] = same.get(i);
    }
    return new VerificationPairs(left, right, sameArray);
  }
}
