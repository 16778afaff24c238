package facegate.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The table of a results file of {@link CfpExperiment} (lines {@code variant policy people seed
 * fold FP FF LFW people steps images/s active spread collapse}): one row per variant, policy and
 * people set, with CFP-FP, CFP-FF and LFW in points as mean ± sd over seeds (each seed's mean over
 * its folds) / sd over folds (each fold's mean over seeds), the paired difference to the import and
 * to policy {@code none} of the same variant and people (per fold, averaged over the seeds both
 * have; 95 % Student-t interval over folds), training images/s and collapsed runs (NaN, left out).
 */
public final class FinetuneTable {
  /** The variant name of the import's lines. */
  public static final String IMPORTED = "imported";

  private static final String[] METRICS = {"CFP-FP", "CFP-FF", "LFW"};

  private FinetuneTable() {}

  /** One parsed line. */
  record Run(
      String group,
      String variant,
      String policy,
      String people,
      long seed,
      int fold,
      double[] metrics,
      double imagesPerSecond,
      boolean collapsed) {}

  /** The markdown table of {@code lines} (other lines, e.g. a header, are ignored). */
  public static String markdown(List<String> lines) {
    Map<String, List<Run>> groups = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f.length < 14 || !f[3].matches("\\d+")) {
        continue;
      }
      double[] metrics = {parse(f[5]), parse(f[6]), parse(f[7])};
      String group = f[0] + " | " + f[1] + " | " + f[2];
      groups
          .computeIfAbsent(group, k -> new ArrayList<>())
          .add(
              new Run(
                  group,
                  f[0],
                  f[1],
                  f[2],
                  Long.parseLong(f[3]),
                  Integer.parseInt(f[4]),
                  metrics,
                  parse(f[10]),
                  !f[13].equals("-")));
    }
    List<Run> imported =
        groups.values().stream()
            .flatMap(List::stream)
            .filter(r -> r.variant().equals(IMPORTED))
            .toList();
    StringBuilder md =
        new StringBuilder(
            "| variant | policy | people | seeds | runs | CFP-FP | CFP-FF | LFW | Δ FP vs import"
                + " | Δ FP vs none | Δ FF vs none | Δ LFW vs none | Δ LFW vs import | images/s"
                + " | collapsed |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (List<Run> runs : groups.values()) {
      Run first = runs.get(0);
      String baseGroup = first.variant() + " | none | " + first.people();
      List<Run> none = first.policy().equals("none") ? null : groups.get(baseGroup);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %d |",
              first.variant(),
              first.policy(),
              first.people(),
              new TreeSet<>(runs.stream().map(Run::seed).toList()),
              runs.size()));
      for (int m = 0; m < METRICS.length; m++) {
        md.append(' ').append(spread(runs, m)).append(" |");
      }
      boolean isImport = first.variant().equals(IMPORTED);
      md.append(' ').append(isImport ? "-" : delta(imported, runs, 0)).append(" |");
      for (int m = 0; m < METRICS.length; m++) {
        md.append(' ').append(none == null ? "-" : delta(none, runs, m)).append(" |");
      }
      md.append(' ').append(isImport ? "-" : delta(imported, runs, 2)).append(" |");
      double[] speed =
          PairedFolds.meanSd(runs.stream().mapToDouble(Run::imagesPerSecond).toArray());
      long collapsed = runs.stream().filter(Run::collapsed).count();
      md.append(String.format(Locale.ROOT, " %.1f | %d |%n", speed[0], collapsed));
    }
    return md.toString();
  }

  /** {@code mean ± sd over seeds / sd over folds}, in points. */
  static String spread(List<Run> runs, int metric) {
    double[] bySeed = means(runs, metric, true);
    double[] byFold = means(runs, metric, false);
    double[] seeds = PairedFolds.meanSd(bySeed);
    double[] folds = PairedFolds.meanSd(byFold);
    return String.format(
        Locale.ROOT, "%.2f ± %s / %s", 100 * folds[0], points(seeds[1]), points(folds[1]));
  }

  private static String points(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", 100 * value);
  }

  /** Per seed (or per fold) the mean of {@code metric} over the other key, finite runs only. */
  private static double[] means(List<Run> runs, int metric, boolean bySeed) {
    Map<Long, List<Double>> values = new LinkedHashMap<>();
    for (Run run : runs) {
      values
          .computeIfAbsent(bySeed ? run.seed() : run.fold(), k -> new ArrayList<>())
          .add(run.metrics()[metric]);
    }
    return values.values().stream()
        .mapToDouble(v -> PairedFolds.meanSd(v.stream().mapToDouble(d -> d).toArray())[0])
        .toArray();
  }

  /**
   * {@code runs} − {@code base} on {@code metric}: per fold the mean over seeds both have (the
   * import's seed 0 pairs with every seed), then the paired mean and 95 % interval over folds.
   */
  static String delta(List<Run> base, List<Run> runs, int metric) {
    Map<Integer, List<Double>> byFold = new LinkedHashMap<>();
    for (Run run : runs) {
      for (Run other : base) {
        boolean seedMatches = other.seed() == run.seed() || other.variant().equals(IMPORTED);
        if (other.fold() == run.fold() && seedMatches) {
          byFold
              .computeIfAbsent(run.fold(), k -> new ArrayList<>())
              .add(run.metrics()[metric] - other.metrics()[metric]);
        }
      }
    }
    if (byFold.isEmpty()) {
      return "-";
    }
    double[] perFold =
        byFold.values().stream()
            .mapToDouble(v -> PairedFolds.meanSd(v.stream().mapToDouble(d -> d).toArray())[0])
            .toArray();
    double[] d = PairedFolds.difference(new double[perFold.length], perFold);
    return String.format(Locale.ROOT, "%+.2f [%s, %s]", 100 * d[0], signed(d[1]), signed(d[2]));
  }

  private static String signed(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+.2f", 100 * value);
  }

  private static double parse(String value) {
    return value.equals("NaN") ? Double.NaN : Double.parseDouble(value);
  }
}
