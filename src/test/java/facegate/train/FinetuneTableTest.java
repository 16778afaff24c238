package facegate.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The results table: means over seeds and folds, and paired differences, hand-computed. */
class FinetuneTableTest {
  @Test
  void tabulatesMeansAndPairedDifferences() {
    List<String> lines = new ArrayList<>();
    // import: FP 0.90 on both folds; none: seed 1 0.90/0.92, seed 2 0.92/0.94;
    // 3d: none + 0.01 everywhere -> delta to none +1.00 with a zero-width interval.
    lines.add(line("imported", "-", "-", 0, 1, 0.90));
    lines.add(line("imported", "-", "-", 0, 2, 0.90));
    double[][] none = {{0.90, 0.92}, {0.92, 0.94}};
    for (int seed = 1; seed <= 2; seed++) {
      for (int fold = 1; fold <= 2; fold++) {
        lines.add(line("v", "none", "cfp", seed, fold, none[seed - 1][fold - 1]));
        lines.add(line("v", "3d", "cfp", seed, fold, none[seed - 1][fold - 1] + 0.01));
      }
    }
    String table = FinetuneTable.markdown(lines);
    // none: fold means 0.91, 0.93 -> 92.00; seed means 0.91, 0.93 -> sd 1.41; fold sd 1.41
    assertTrue(table.contains("| v | none | cfp | [1, 2] | 4 | 92.00 ± 1.41 / 1.41 |"), table);
    // vs import per fold: +1, +3 -> +2.00, t(1) = 12.706 * sd 1.414 / sqrt 2 = 12.71
    assertTrue(table.contains("+2.00 [-10.71, +14.71]"), table);
    assertTrue(table.contains("| v | 3d | cfp | [1, 2] | 4 | 93.00 ± 1.41 / 1.41 | "), table);
    assertTrue(table.contains("+1.00 [+1.00, +1.00]"), table);
  }

  private static String line(
      String variant, String policy, String people, int seed, int fold, double fp) {
    return String.join(
        "\t",
        variant,
        policy,
        people,
        Integer.toString(seed),
        Integer.toString(fold),
        Double.toString(fp),
        "0.99",
        "0.98",
        "100",
        "300",
        "50.0",
        "0.5",
        "0.1",
        "-");
  }
}
