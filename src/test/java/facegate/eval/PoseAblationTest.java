package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoseAblationTest {
  private static PoseAblation.Run run(String policy, long seed, double all, double half) {
    return new PoseAblation.Run(
        policy,
        seed,
        Map.of(PoseAblation.ALL_PAIRS, all, "frontal-half", half, "frontal-profile", Double.NaN),
        Map.of(PoseAblation.ALL_PAIRS, 10, "frontal-half", 4, "frontal-profile", 0));
  }

  @Test
  void tabulatesMeanAndSampleStandardDeviationPerPolicyAndGroup() {
    List<PoseAblation.Run> runs =
        List.of(run("none", 1, 0.8, 0.5), run("none", 2, 0.9, 0.75), run("3d", 1, 0.7, 1.0));
    String table =
        PoseAblation.table(
            runs, List.of(PoseAblation.ALL_PAIRS, "frontal-half", "frontal-profile"));
    assertTrue(
        table.contains(
            "| policy | seeds | all pairs (10 pairs) | frontal-half (4 pairs) | frontal-profile (0"
                + " pairs) |"),
        table);
    // sd of 0.8 and 0.9: sqrt(2 × 0.05² / 1) = 0.0707; of 0.5 and 0.75: 0.1768
    assertTrue(table.contains("| none | [1, 2] | 0.8500 ± 0.0707 | 0.6250 ± 0.1768 | - |"), table);
    assertTrue(table.contains("| 3d | [1] | 0.7000 ± 0.0000 | 1.0000 ± 0.0000 | - |"), table);
    byte[] png = PoseAblation.chart(runs, List.of(PoseAblation.ALL_PAIRS, "frontal-half"), "test");
    assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
  }
}
