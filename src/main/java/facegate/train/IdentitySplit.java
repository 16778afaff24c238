package facegate.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits samples by identity, never by image: every image of a person lands on the same side.
 *
 * @param training samples of the training identities
 * @param validation samples of the held-aside identities
 */
public record IdentitySplit(List<FaceSample> training, List<FaceSample> validation) {

  /**
   * Holds aside {@code fraction} of the identities with at least two images (so that they give
   * same-person pairs) for validation, chosen by {@code seed}; identities in {@code excluded} (e.g.
   * a test fold's people) are dropped from both sides.
   */
  public static IdentitySplit of(
      List<FaceSample> samples, double fraction, long seed, Collection<String> excluded) {
    Set<String> dropped = Set.copyOf(excluded);
    Map<String, List<FaceSample>> byIdentity = new LinkedHashMap<>();
    for (FaceSample sample : samples) {
      if (!dropped.contains(sample.identity())) {
        byIdentity.computeIfAbsent(sample.identity(), k -> new ArrayList<>()).add(sample);
      }
    }
    List<String> candidates = new ArrayList<>();
    for (String identity : new TreeSet<>(byIdentity.keySet())) {
      if (byIdentity.get(identity).size() >= 2) {
        candidates.add(identity);
      }
    }
    Collections.shuffle(candidates, new Random(seed));
    Set<String> held =
        Set.copyOf(candidates.subList(0, (int) Math.round(candidates.size() * fraction)));
    List<FaceSample> training = new ArrayList<>();
    List<FaceSample> validation = new ArrayList<>();
    byIdentity.forEach(
        (identity, group) -> (held.contains(identity) ? validation : training).addAll(group));
    return new IdentitySplit(List.copyOf(training), List.copyOf(validation));
  }
}
