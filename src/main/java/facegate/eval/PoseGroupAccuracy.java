package facegate.eval;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.pose.PoseBucket;
import facegate.pose.PoseEntry;
import java.io.IOException;
import java.nio.file.Files;
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
 * accuracy. Pairs with a face that was not found stay in their group as mismatches and are counted
 * in {@link Group#failures()}.
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
   * @param failures pairs of the group with a face that was not found (scored as mismatches)
   * @param accuracy NaN for a group without pairs
   * @param genuineMean mean cosine of its same-person pairs with both faces found (NaN if none)
   * @param impostorMean the same for different-person pairs
   */
  public record Group(
      String name,
      int same,
      int different,
      int failures,
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
    Map<String, String> magnitudeOf = new HashMap<>();
    for (PoseEntry entry : poses) {
      magnitudeOf.put(key(Path.of(entry.image())), entry.bucket().magnitudeName());
    }
    return ofMagnitudes(protocol, images, result, magnitudeOf);
  }

  /**
   * The groups from a labelled pose list such as CFP's {@code poses.tsv}: one line per image,
   * {@code image<TAB>frontal|half|profile} (the image as its last two path elements, e.g. {@code
   * cfp001/cfp001_0011.jpg}); blank lines are skipped.
   *
   * @throws FaceException PAIRS_FILE_INVALID (see {@link #readLabels}) for a malformed file
   */
  public static List<Group> ofLabels(
      PairsProtocol protocol, Path images, PairsEvaluation.Result result, Path labels) {
    return ofMagnitudes(protocol, images, result, readLabels(labels));
  }

  /**
   * Reads a pose label file ({@link #ofLabels}): image key to {@code frontal}, {@code half} or
   * {@code profile}. An unreadable file or a bad line fails with {@link
   * ErrorCode#PAIRS_FILE_INVALID} naming the line.
   */
  public static Map<String, String> readLabels(Path labels) {
    List<String> lines;
    try {
      lines = Files.readAllLines(labels);
    } catch (IOException e) {
      throw new FaceException(
          ErrorCode.PAIRS_FILE_INVALID, "cannot read pose labels " + labels + ": " + e, e);
    }
    Map<String, String> magnitudeOf = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] parts = lines.get(i).trim().split("\t");
      if (parts.length != 2 || !List.of("frontal", "half", "profile").contains(parts[1])) {
        throw new FaceException(
            ErrorCode.PAIRS_FILE_INVALID,
            labels
                + ":"
                + (i + 1)
                + ": expected 'image<TAB>frontal|half|profile', got '"
                + lines.get(i)
                + "'");
      }
      magnitudeOf.put(key(Path.of(parts[0])), parts[1]);
    }
    return magnitudeOf;
  }

  /**
   * Per pose label ({@code frontal}, {@code half}, {@code profile}, {@code unknown}), how many
   * distinct images of the pairs have that label and in how many no face was found: {@code {images,
   * noFace}} per label, labels in {@link #readLabels} order of first appearance.
   */
  public static Map<String, int[]> facesFound(
      PairsProtocol protocol, Path images, PairsEvaluation.Result result, Path labels) {
    Map<String, String> magnitudeOf = readLabels(labels);
    Map<Path, Boolean> found = new LinkedHashMap<>();
    List<PairsProtocol.Pair> pairs = protocol.pairs();
    for (int i = 0; i < pairs.size(); i++) {
      found.put(pairs.get(i).left(images), result.left().get(i).isPresent());
      found.put(pairs.get(i).right(images), result.right().get(i).isPresent());
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Map.Entry<Path, Boolean> e : found.entrySet()) {
      String label = magnitudeOf.getOrDefault(key(e.getKey()), "unknown");
      int[] c = counts.computeIfAbsent(label, l -> new int[2]);
      c[0]++;
      if (!e.getValue()) {
        c[1]++;
      }
    }
    return counts;
  }

  private static List<Group> ofMagnitudes(
      PairsProtocol protocol,
      Path images,
      PairsEvaluation.Result result,
      Map<String, String> magnitudeOf) {
    double[] thresholds = result.report().foldThresholds();
    Map<String, double[]> sums = new LinkedHashMap<>();
    GROUPS.forEach(g -> sums.put(g, new double[8]));
    List<PairsProtocol.Pair> pairs = protocol.pairs();
    for (int i = 0; i < pairs.size(); i++) {
      String group =
          groupOfMagnitudes(
              magnitudeOf.get(key(pairs.get(i).left(images))),
              magnitudeOf.get(key(pairs.get(i).right(images))));
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
      } else {
        s[7]++;
      }
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      double[] s = e.getValue();
      groups.add(
          new Group(
              e.getKey(),
              (int) s[0],
              (int) s[1],
              (int) s[7],
              s[2] / (s[0] + s[1]),
              s[3] / s[4],
              s[5] / s[6]));
    }
    return groups;
  }

  /** The group of a pair whose faces are in {@code a} and {@code b} (null: not in the table). */
  public static String group(PoseBucket a, PoseBucket b) {
    return groupOfMagnitudes(
        a == null ? null : a.magnitudeName(), b == null ? null : b.magnitudeName());
  }

  private static String groupOfMagnitudes(String a, String b) {
    if (a == null || b == null) {
      return "unknown";
    }
    List<String> order = List.of("frontal", "half", "profile");
    boolean inOrder = order.indexOf(a) <= order.indexOf(b);
    return (inOrder ? a : b) + "-" + (inOrder ? b : a);
  }

  private static String key(Path image) {
    int n = image.getNameCount();
    return n < 2 ? image.toString() : image.subpath(n - 2, n).toString();
  }
}
