// Times LogisticRegression.fit on random n x d rows: java -cp target/classes docs/results/populations/TimeLogisticFit.java 2400 1024
import facegate.eval.LogisticRegression;
import java.util.Random;
public class TimeLogisticFit {
  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]), d = Integer.parseInt(a[1]);
    Random r = new Random(1);
    double[][] x = new double[n][d]; boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) { double s = 0; for (int j = 0; j < d; j++) { x[i][j] = Math.abs(r.nextGaussian()); s += j < 20 ? x[i][j] : 0; } y[i] = s + r.nextGaussian() * 2 > 16; }
    for (double l2 : new double[] {0.01, 1, 100}) {
      long t = System.nanoTime();
      LogisticRegression m = LogisticRegression.fit(x, y, l2);
      System.out.printf("n=%d d=%d l2=%s %.2f s w0=%.4f%n", n, d, l2, (System.nanoTime() - t) / 1e9, m.weights()[0]);
    }
  }
}
