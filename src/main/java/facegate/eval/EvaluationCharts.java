package facegate.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The evaluation plots, drawn with JFreeChart without a display ({@code java.awt.headless} is set
 * to true unless already set) and returned as PNG bytes. Rates of 0 cannot sit on a log axis: such
 * points are left out of log-scale plots.
 */
public final class EvaluationCharts {
  static final int WIDTH = 720;
  static final int HEIGHT = 480;
  private static final double SMALLEST_RATE = 1e-5;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private EvaluationCharts() {}

  /** True accept rate against false accept rate, FAR on a log axis. */
  public static byte[] roc(Roc roc, String title) {
    XYSeries series = new XYSeries("ROC", false);
    double[] far = roc.far();
    double[] tar = roc.tar();
    for (int i = 0; i < far.length; i++) {
      if (far[i] >= SMALLEST_RATE) {
        series.add(far[i], tar[i]);
      }
    }
    JFreeChart chart = lineChart(title, series, "false accept rate (log)", "true accept rate");
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(logAxis("false accept rate (log)", series.getMinX()));
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    double lowest = series.isEmpty() ? 0 : series.getMinY();
    range.setRange(Math.max(0, Math.floor((lowest - 0.01) * 50) / 50), 1.0);
    return png(chart);
  }

  /** Detection error tradeoff: false reject rate against false accept rate, both on log axes. */
  public static byte[] det(Roc roc, String title) {
    XYSeries series = new XYSeries("DET", false);
    double[] far = roc.far();
    double[] frr = roc.frr();
    for (int i = 0; i < far.length; i++) {
      if (far[i] >= SMALLEST_RATE && frr[i] >= SMALLEST_RATE) {
        series.add(far[i], frr[i]);
      }
    }
    JFreeChart chart = lineChart(title, series, "false accept rate (log)", "false reject rate");
    XYPlot plot = chart.getXYPlot();
    plot.setDomainAxis(logAxis("false accept rate (log)", series.getMinX()));
    plot.setRangeAxis(logAxis("false reject rate (log)", series.getMinY()));
    return png(chart);
  }

  /**
   * Histograms of same-person and different-person scores with {@code threshold} marked; failed
   * pairs (non-finite scores) are left out.
   */
  public static byte[] scoreHistogram(
      double[] scores, boolean[] same, double threshold, String title) {
    double[] genuine = finite(scores, same, true);
    double[] impostor = finite(scores, same, false);
    HistogramDataset dataset = new HistogramDataset();
    dataset.setType(HistogramType.SCALE_AREA_TO_1);
    double low = Math.min(min(genuine), min(impostor));
    double high = Math.max(max(genuine), max(impostor));
    if (!(high > low)) {
      high = low + 1e-3;
    }
    if (genuine.length > 0) {
      dataset.addSeries("same person (" + genuine.length + ")", genuine, 60, low, high);
    }
    if (impostor.length > 0) {
      dataset.addSeries("different people (" + impostor.length + ")", impostor, 60, low, high);
    }
    JFreeChart chart =
        ChartFactory.createHistogram(
            title,
            "cosine score",
            "density",
            dataset,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setForegroundAlpha(0.6f);
    ValueMarker marker = new ValueMarker(threshold, Color.BLACK, new BasicStroke(2f));
    marker.setLabel(String.format(Locale.ROOT, "threshold %.4f", threshold));
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    plot.addDomainMarker(marker);
    style(chart);
    return png(chart);
  }

  /** Cumulative match characteristic: identification rate against rank (log axis). */
  public static byte[] cmc(double[] cmc, String title) {
    XYSeries series = new XYSeries("CMC", false);
    for (int rank = 0; rank < cmc.length; rank++) {
      series.add(rank + 1, cmc[rank]);
    }
    JFreeChart chart = lineChart(title, series, "rank (log)", "identification rate");
    XYPlot plot = chart.getXYPlot();
    LogAxis ranks = logAxis("rank (log)", 1);
    ranks.setRange(1, Math.pow(10, Math.ceil(Math.log10(Math.max(10, cmc.length)))));
    plot.setDomainAxis(ranks);
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setRange(Math.max(0, (cmc.length == 0 ? 0 : cmc[0]) - 0.05), 1.0);
    return png(chart);
  }

  /** Detection and identification rate against false positive identification rate (log). */
  public static byte[] openSet(OpenSetCurve curve, String title) {
    XYSeries series = new XYSeries("DIR", false);
    double[] fpir = curve.fpir();
    double[] dir = curve.dir();
    for (int i = 0; i < fpir.length; i++) {
      if (fpir[i] >= SMALLEST_RATE) {
        series.add(fpir[i], dir[i]);
      }
    }
    JFreeChart chart = lineChart(title, series, "false positive identification rate (log)", "DIR");
    chart
        .getXYPlot()
        .setDomainAxis(logAxis("false positive identification rate (log)", series.getMinX()));
    return png(chart);
  }

  private static JFreeChart lineChart(String title, XYSeries series, String x, String y) {
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            x,
            y,
            new XYSeriesCollection(series),
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    chart.getXYPlot().getRenderer().setSeriesStroke(0, new BasicStroke(2f));
    style(chart);
    return chart;
  }

  private static void style(JFreeChart chart) {
    XYPlot plot = chart.getXYPlot();
    chart.setBackgroundPaint(Color.WHITE);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
  }

  /** A base-10 log axis from the power of ten at or below {@code lowest} (NaN: 1e-3) to 1. */
  private static LogAxis logAxis(String label, double lowest) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setSmallestValue(SMALLEST_RATE);
    // one labelled tick per decade (a LogAxis tick unit is in exponents)
    axis.setTickUnit(
        new org.jfree.chart.axis.NumberTickUnit(
            1,
            new java.text.DecimalFormat("0.#####", DecimalFormatSymbols.getInstance(Locale.ROOT))));
    axis.setMinorTickMarksVisible(true);
    double from = Double.isFinite(lowest) && lowest > 0 ? lowest : 1e-3;
    double decade = Math.min(0.1, Math.pow(10, Math.floor(Math.log10(from))));
    axis.setRange(Math.max(SMALLEST_RATE, decade), 1.0);
    return axis;
  }

  private static double[] finite(double[] scores, boolean[] same, boolean wanted) {
    return java.util.stream.IntStream.range(0, scores.length)
        .filter(i -> same[i] == wanted && Double.isFinite(scores[i]))
        .mapToDouble(i -> scores[i])
        .toArray();
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(1);
  }

  static byte[] png(JFreeChart chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode chart " + chart.getTitle(), e);
    }
    return out.toByteArray();
  }
}
