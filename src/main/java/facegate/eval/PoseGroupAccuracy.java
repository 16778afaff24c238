package facegate.eval;

import facegate.pose.PoseBucket;
import facegate.pose.PoseEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pose-bucketed view of a pairs evaluation: each pair grouped by how turned its two faces are
 * (frontal-frontal, frontal-half, frontal-profile, half-half, half-profile, profile-profile, by the
 * magnitude of the pose table's yaw; {@code unknown} when an image is not in the table), and each
 * group's accuracy at its pairs' own fold thresholds, so that the groups add up to the protocol's
 * accuracy.
 */
public final class PoseGroupAccuracy {
  /** Groups in print order. */
  public static final List<String> GROUPS =
      List.of(
          "frontal-frontal",
          "frontal-half",
          "frontal-profile",
          "half-half",
          "half-profile",
          "profile-profile",
          "unknown");

  private PoseGroupAccuracy() {}

  /**
   * One group's pairs.
   *
   * @param accuracy NaN for a group without pairs
   * @param genuineMean mean cosine of its same-person pairs with both faces found (NaN if none)
   * @param impostorMean the same for different-person pairs
   */
  public record Group(
      String name,
      int same,
      int different,
      double accuracy,
      double genuineMean,
      double impostorMean) {}

  /**
   * @param poses pose table rows; an image is matched by its last two path elements (LFW: {@code
   *     Name/Name_0001.jpg})
   * @return every group of {@link #GROUPS}, empty ones included
   */
  public static List<Group> of(
      PairsProtocol protocol, Path images, PairsEvaluation.Result result, List<PoseEntry> poses) {
    Map<String, PoseBucket> bucketOf = new HashMap<>();
    for (PoseEntry entry : poses) {
      bucketOf.put(key(Path.of(entry.image())), entry.bucket());
    }
    double[] thresholds = result.report().foldThresholds();
    Map<String, double[]> sums = new LinkedHashMap<>();
    GROUPS.forEach(g -> sums.put(g, new double[7]));
    List<PairsProtocol.Pair> pairs = protocol.pairs();
    for (int i = 0; i < pairs.size(); i++) {
      String group =
          group(
              bucketOf.get(key(pairs.get(i).left(images))),
              bucketOf.get(key(pairs.get(i).right(images))));
      double[] s = sums.get(group);
      boolean same = result.same()[i];
      double score = result.scores()[i];
      s[same ? 0 : 1]++;
      if ((score >= thresholds[result.folds()[i]]) == same) {
        s[2]++;
      }
      if (Double.isFinite(score)) {
        s[same ? 3 : 5] += score;
        s[same ? 4 : 6]++;
      }
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      groups.add(
          new Group(
              e.getKey(), (int) s[0], (int) s[1], s[2] / (s[0] + s[1]), s[3] / s[4], s[5] / s[6]));
    }
    return groups;
  }

  /** The group of a pair whose faces are in {@code a} and {@code b} (null: not in the table). */
  public static String group(PoseBucket a, PoseBucket b) {
    if (a == null || b == null) {
      return "unknown";
    }
    List<String> order = List.of("frontal", "half", "profile");
    boolean inOrder = order.indexOf(a.magnitudeName()) <= order.indexOf(b.magnitudeName());
    String first = inOrder ? a.magnitudeName() : b.magnitudeName();
    String second = inOrder ? b.magnitudeName() : a.magnitudeName();
    return first + "-" + second;
  }

  private static String key(Path image) {
    int n = image.getNameCount();
    return n < 2 ? image.toString() : image.subpath(n - 2, n).toString();
  }
}
