import facegate.eval.PairsProtocol;
import facegate.eval.VerificationMetrics;
import facegate.eval.VerificationReport;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Score fusion of two networks from their `eval --cache` files, no embedding run: per pair the mean
 * of the two cosines, and the mean of the cosines z-scored over all pairs (no labels used), scored
 * by eval's own metrics (thresholds chosen on the other folds):
 * {@code java -cp target/facegate.jar docs/results/FuseCaches.java IMAGES PAIRS CACHE_A CACHE_B}.
 */
public class FuseCaches {
  public static void main(String[] args) throws Exception {
    Path images = Path.of(args[0]);
    PairsProtocol protocol = PairsProtocol.read(Path.of(args[1]));
    double[] a = cosines(protocol, images, read(Path.of(args[2])));
    double[] b = cosines(protocol, images, read(Path.of(args[3])));
    double[] mean = new double[a.length];
    double[] z = new double[a.length];
    double[] za = zscores(a);
    double[] zb = zscores(b);
    for (int i = 0; i < a.length; i++) {
      mean[i] = (a[i] + b[i]) / 2;
      z[i] = (za[i] + zb[i]) / 2;
    }
    print("a", protocol, a);
    print("b", protocol, b);
    print("mean-cosine", protocol, mean);
    print("mean-zscore", protocol, z);
  }

  static void print(String name, PairsProtocol protocol, double[] scores) {
    List<PairsProtocol.Pair> pairs = protocol.pairs();
    boolean[] same = new boolean[pairs.size()];
    int[] folds = new int[pairs.size()];
    int failures = 0;
    for (int i = 0; i < pairs.size(); i++) {
      same[i] = pairs.get(i).same();
      folds[i] = pairs.get(i).fold();
      failures += Double.isInfinite(scores[i]) ? 1 : 0;
    }
    VerificationReport r =
        VerificationMetrics.evaluate(scores, same, folds, protocol.folds(), failures);
    System.out.printf(
        "%s accuracy=%.4f sd=%.4f tar@far1e-3=%.4f tar@far1e-2=%.4f auc=%.4f failures=%d%n",
        name, r.accuracy(), r.accuracyStd(), r.tarAtFar1e3(), r.tarAtFar1e2(), r.auc(), failures);
  }

  static double[] zscores(double[] s) {
    double sum = 0, sq = 0;
    int n = 0;
    for (double v : s) {
      if (!Double.isInfinite(v)) {
        sum += v;
        sq += v * v;
        n++;
      }
    }
    double m = sum / n, sd = Math.sqrt(sq / n - m * m);
    double[] out = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = Double.isInfinite(s[i]) ? s[i] : (s[i] - m) / sd;
    }
    return out;
  }

  static double[] cosines(PairsProtocol protocol, Path images, Map<String, float[]> cache) {
    List<PairsProtocol.Pair> pairs = protocol.pairs();
    double[] scores = new double[pairs.size()];
    for (int i = 0; i < scores.length; i++) {
      float[] l = cache.get(key(pairs.get(i).left(images)));
      float[] r = cache.get(key(pairs.get(i).right(images)));
      if (l == null || r == null || l.length == 0 || r.length == 0) {
        scores[i] = Double.NEGATIVE_INFINITY;
        continue;
      }
      double dot = 0;
      for (int d = 0; d < l.length; d++) {
        dot += l[d] * r[d];
      }
      scores[i] = dot;
    }
    return scores;
  }

  static String key(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  /** The cache file's entries (EmbeddingCache's format; its embeddings are L2-normalised). */
  static Map<String, float[]> read(Path file) throws Exception {
    Map<String, float[]> entries = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      in.readInt();
      in.readUTF();
      while (true) {
        String key;
        try {
          key = in.readUTF();
        } catch (EOFException end) {
          return entries;
        }
        float[] v = new float[in.readInt()];
        for (int i = 0; i < v.length; i++) {
          v[i] = in.readFloat();
        }
        entries.put(key, v);
      }
    }
  }
}
