package facegate.eval;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The pose-augmentation ablation's numbers: per augmentation policy, the test accuracy of each
 * seed's model on all pairs and on each pose group, summarised as mean ± sample standard deviation
 * over the seeds, as a markdown table and a bar chart with ±sd bars.
 */
public final class PoseAblation {
  /** The column of all pairs, before the pose groups. */
  public static final String ALL_PAIRS = "all pairs";

  private PoseAblation() {}

  /**
   * One trained model's accuracies.
   *
   * @param accuracyByGroup {@link #ALL_PAIRS} and each pose group's accuracy (NaN for a group
   *     without pairs)
   * @param pairsByGroup how many pairs each group had
   */
  public record Run(
      String policy,
      long seed,
      Map<String, Double> accuracyByGroup,
      Map<String, Integer> pairsByGroup) {}

  /** Mean and sample sd of {@code values}, NaN values left out; sd 0 for one value. */
  static double[] meanAndSd(List<Double> values) {
    List<Double> finite = values.stream().filter(Double::isFinite).toList();
    if (finite.isEmpty()) {
      return new double[] {Double.NaN, Double.NaN, 0};
    }
    double mean = finite.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double squares = finite.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double sd = finite.size() > 1 ? Math.sqrt(squares / (finite.size() - 1)) : 0;
    return new double[] {mean, sd, finite.size()};
  }

  /** Mean and sd of one group's accuracy over {@code runs}. */
  private static double[] groupStats(List<Run> runs, String group) {
    return meanAndSd(
        runs.stream().map(r -> r.accuracyByGroup().getOrDefault(group, Double.NaN)).toList());
  }

  /** Runs grouped by policy, in first-seen order. */
  private static Map<String, List<Run>> byPolicy(List<Run> runs) {
    Map<String, List<Run>> grouped = new LinkedHashMap<>();
    runs.forEach(r -> grouped.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r));
    return grouped;
  }

  /** The markdown table: one row per policy, one column per group ({@code mean ± sd (seeds)}). */
  public static String table(List<Run> runs, List<String> groups) {
    StringBuilder md = new StringBuilder("| policy | seeds |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (String group : groups) {
      int pairs = runs.isEmpty() ? 0 : runs.get(0).pairsByGroup().getOrDefault(group, 0);
      md.append(' ').append(group).append(" (").append(pairs).append(" pairs) |");
      rule.append("---|");
    }
    md.append('\n').append(rule).append('\n');
    for (Map.Entry<String, List<Run>> policy : byPolicy(runs).entrySet()) {
      md.append("| ").append(policy.getKey()).append(" | ");
      md.append(policy.getValue().stream().map(r -> Long.toString(r.seed())).toList()).append(" |");
      for (String group : groups) {
        double[] stats = groupStats(policy.getValue(), group);
        md.append(
            Double.isNaN(stats[0])
                ? " - |"
                : String.format(Locale.ROOT, " %.4f ± %.4f |", stats[0], stats[1]));
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** PNG bar chart: groups along x, one bar per policy, mean accuracy with ±sd. */
  public static byte[] chart(List<Run> runs, List<String> groups, String title) {
    DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
    for (Map.Entry<String, List<Run>> policy : byPolicy(runs).entrySet()) {
      for (String group : groups) {
        double[] stats = groupStats(policy.getValue(), group);
        if (!Double.isNaN(stats[0])) {
          dataset.add(stats[0], stats[1], policy.getKey(), group);
        }
      }
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            title, "pose group", "accuracy", dataset, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setRenderer(new StatisticalBarRenderer());
    plot.getRangeAxis().setAutoRange(true);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    chart.setBackgroundPaint(Color.WHITE);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
      ChartUtils.writeChartAsPNG(png, chart, 900, 500);
      return png.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw the chart", e);
    }
  }
}
