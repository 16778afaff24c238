package facegate.cli;

import facegate.train.PairedFolds;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of a {@code finetune-cfp --results} file: per variant, CFP-FP, CFP-FF and LFW as mean ±
 * sd over its folds (in points), the paired difference to {@code imported} on the same folds with
 * its 95 % interval, training images/s and collapsed folds.
 */
final class FinetuneSummary {
  private static final String IMPORTED = "imported";

  private FinetuneSummary() {}

  static void print(List<String> lines, PrintStream out) {
    Map<String, Map<Integer, String[]>> byVariant = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f.length >= 11) {
        byVariant.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(Integer.parseInt(f[1]), f);
      }
    }
    Map<Integer, String[]> imported = byVariant.getOrDefault(IMPORTED, Map.of());
    out.println(
        "| variant | folds | CFP-FP | CFP-FF | LFW | Δ CFP-FP [95 %] | Δ CFP-FF [95 %] |"
            + " Δ LFW [95 %] | training images/s | collapsed folds |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    byVariant.forEach((variant, folds) -> out.println(row(variant, folds, imported)));
  }

  private static String row(
      String variant, Map<Integer, String[]> folds, Map<Integer, String[]> imported) {
    StringBuilder row = new StringBuilder("| " + variant + " | " + folds.size() + " |");
    for (int column = 2; column <= 4; column++) {
      double[] stats = PairedFolds.meanSd(column(folds, folds, column));
      row.append(String.format(Locale.ROOT, " %.2f ± %.2f |", 100 * stats[0], 100 * stats[1]));
    }
    for (int column = 2; column <= 4; column++) {
      if (variant.equals(IMPORTED)) {
        row.append(" - |");
        continue;
      }
      double[] d =
          PairedFolds.difference(column(imported, folds, column), column(folds, folds, column));
      row.append(
          String.format(
              Locale.ROOT, " %+.2f [%+.2f, %+.2f] |", 100 * d[0], 100 * d[1], 100 * d[2]));
    }
    double[] speed = PairedFolds.meanSd(column(folds, folds, 7));
    long collapsed = folds.values().stream().filter(f -> !f[10].equals("-")).count();
    row.append(String.format(Locale.ROOT, " %.1f | %d |", speed[0], collapsed));
    return row.toString();
  }

  /** Column {@code column} of {@code source} at the folds of {@code folds} (NaN where absent). */
  private static double[] column(
      Map<Integer, String[]> source, Map<Integer, String[]> folds, int column) {
    List<Double> values = new ArrayList<>();
    for (int fold : folds.keySet()) {
      String[] f = source.get(fold);
      values.add(f == null ? Double.NaN : Double.parseDouble(f[column]));
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
