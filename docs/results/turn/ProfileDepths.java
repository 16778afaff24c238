// Depth of real profiles from CFP's hand-marked profile points (the numbers of pose.ProfileDepth):
// per point, its horizontal distance behind the nose tip (point 21) in units of the vertical
// distance from the eye's centre (mean of points 12-17) to the mouth corner (point 25); medians
// over all profile photos. No model needed:
//   java docs/results/turn/ProfileDepths.java ../shared/data/cfp
import java.nio.file.*;
import java.util.*;
public class ProfileDepths {
  public static void main(String[] a) throws Exception {
    Path cfp = Path.of(a[0]);
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(cfp.resolve("poses.tsv"))) {
      String[] f = line.split("\t");
      if (f.length != 2 || !f[1].equals("profile")) continue;
      List<String> pts = Files.readAllLines(cfp.resolve("fiducials").resolve(f[0].replace(".jpg", ".txt")));
      double[][] p = pts.stream().filter(s -> !s.isBlank()).map(s -> Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
      if (p.length != 30) continue;
      double eyeX = 0, eyeY = 0;
      for (int i = 12; i <= 17; i++) { eyeX += p[i][0] / 6; eyeY += p[i][1] / 6; }
      double unit = Math.abs(p[25][1] - eyeY);
      double side = Math.signum(p[21][0] - p[0][0]);
      double[] r = new double[31];
      for (int k = 0; k < 30; k++) r[k] = (p[21][0] - p[k][0]) * side / unit;
      r[30] = (p[21][0] - eyeX) * side / unit;
      rows.add(r);
    }
    System.out.println("profiles=" + rows.size());
    for (int k = 0; k <= 30; k++) {
      final int c = k;
      double[] v = rows.stream().mapToDouble(r -> r[c]).sorted().toArray();
      System.out.printf(Locale.ROOT, "%s depth-behind-nose-tip median=%.2f p25=%.2f p75=%.2f%n", k == 30 ? "eye-centre" : "point-" + k, v[v.length / 2], v[v.length / 4], v[3 * v.length / 4]);
    }
  }
}
