package facegate.pose;

import facegate.core.FaceBox;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Summaries of a pose table: the yaw distribution per data set and the profile cascade check. */
public final class PoseStatistics {
  private PoseStatistics() {}

  /** One line per data set: counts per bucket, yaw percentiles, mean |yaw|. */
  public static List<String> yawDistribution(List<PoseEntry> entries) {
    Map<String, List<PoseEntry>> byDataset = new TreeMap<>();
    for (PoseEntry e : entries) {
      byDataset.computeIfAbsent(e.dataset(), k -> new ArrayList<>()).add(e);
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<PoseEntry>> d : byDataset.entrySet()) {
      lines.add(distributionLine(d.getKey(), d.getValue()));
    }
    lines.add(distributionLine("all", entries));
    return lines;
  }

  private static String distributionLine(String name, List<PoseEntry> entries) {
    Map<PoseBucket, Integer> counts = new EnumMap<>(PoseBucket.class);
    double[] yaws = new double[entries.size()];
    double absSum = 0;
    for (int i = 0; i < yaws.length; i++) {
      yaws[i] = entries.get(i).pose().yawDegrees();
      absSum += Math.abs(yaws[i]);
      counts.merge(entries.get(i).bucket(), 1, Integer::sum);
    }
    java.util.Arrays.sort(yaws);
    StringBuilder line =
        new StringBuilder(String.format(Locale.ROOT, "%s faces=%d", name, yaws.length));
    for (PoseBucket b : PoseBucket.values()) {
      line.append(' ').append(b.label()).append('=').append(counts.getOrDefault(b, 0));
    }
    if (yaws.length > 0) {
      line.append(
          String.format(
              Locale.ROOT,
              " yaw-p5=%.1f yaw-p50=%.1f yaw-p95=%.1f mean-abs-yaw=%.1f",
              percentile(yaws, 0.05),
              percentile(yaws, 0.5),
              percentile(yaws, 0.95),
              absSum / yaws.length));
    }
    return line.toString();
  }

  /**
   * The faces the profile cascade found, per view: how many, their mean yaw, the share with |yaw|
   * beyond 30 and beyond 45 degrees, and the share whose yaw sign matches the cascade's side
   * ({@code PROFILE_LEFT}: nose towards the image's left, negative yaw).
   */
  public static List<String> profileCheck(List<PoseEntry> entries) {
    List<String> lines = new ArrayList<>();
    for (FaceBox.View view :
        List.of(
            FaceBox.View.PROFILE_LEFT,
            FaceBox.View.PROFILE_RIGHT,
            FaceBox.View.FRONTAL,
            FaceBox.View.ANY)) {
      List<Double> yaws =
          entries.stream().filter(e -> e.view() == view).map(e -> e.pose().yawDegrees()).toList();
      if (yaws.isEmpty()) {
        continue;
      }
      double sign = view == FaceBox.View.PROFILE_LEFT ? -1 : 1;
      long beyond30 = yaws.stream().filter(y -> Math.abs(y) > 30).count();
      long beyond45 = yaws.stream().filter(y -> Math.abs(y) > 45).count();
      long sideAgrees = yaws.stream().filter(y -> y * sign > 0).count();
      double mean = yaws.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double meanAbs = yaws.stream().mapToDouble(Math::abs).average().orElse(0);
      lines.add(
          String.format(
              Locale.ROOT,
              "detector=%s faces=%d mean-yaw=%.1f mean-abs-yaw=%.1f abs-yaw>30=%.3f abs-yaw>45=%.3f%s",
              view.name().toLowerCase(Locale.ROOT),
              yaws.size(),
              mean,
              meanAbs,
              (double) beyond30 / yaws.size(),
              (double) beyond45 / yaws.size(),
              view == FaceBox.View.PROFILE_LEFT || view == FaceBox.View.PROFILE_RIGHT
                  ? String.format(
                      Locale.ROOT, " side-agrees=%.3f", (double) sideAgrees / yaws.size())
                  : ""));
    }
    return lines;
  }

  /** The {@code q} quantile of sorted values (nearest rank). */
  static double percentile(double[] sorted, double q) {
    int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
    return sorted[index];
  }
}
