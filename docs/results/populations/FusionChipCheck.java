import facegate.core.*;
import facegate.embed.GraphFaceEmbedder;
import facegate.pipeline.*;
import facegate.vision.FaceAligner;
import facegate.vision.Mirror;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;

/**
 * Throwaway diagnostic (issue 22, session 10): could one dlib chip feed both networks? Embeds the
 * photos of a pairs list with dlib (the pipeline's chip, mirror-summed) and with faceplugin-mfn512
 * on an ArcFace chip cut from that same dlib chip by a fixed transform (where dlib's mean face
 * shape puts the five ArcFace points, mapped onto InsightFace's template; no landmarks), mirror-
 * summed; prints 5-fold accuracy (threshold from the other folds) and pooled FRR at FAR 1 % for
 * dlib, mfn512 on the derived chip, and their fusion (mean of the cosines z-scored over all pairs).
 * Package-private vision helpers are reached by reflection.
 *
 * <pre>
 * java -Dai.djl.offline=true -cp target/facegate.jar docs/results/populations/FusionChipCheck.java \
 *   IMAGES PAIRS.tsv      # PAIRS.tsv: photo-a TAB photo-b TAB 1|0, paths under IMAGES
 * </pre>
 */
public class FusionChipCheck {
  static RgbImage arcFaceChipFromDlibChip(RgbImage dlibChip, double padding, int side) throws Exception {
    Class<?> shape = Class.forName("facegate.vision.MeanFaceShape");
    java.lang.reflect.Method mx = shape.getDeclaredMethod("x", int.class), my = shape.getDeclaredMethod("y", int.class);
    mx.setAccessible(true); my.setAccessible(true);
    double[] arcface = {38.2946, 51.6963, 73.5318, 51.5014, 56.0252, 71.7366, 41.5493, 92.3655, 70.7299, 92.2041};
    int[][] points = {{36, 37, 38, 39, 40, 41}, {42, 43, 44, 45, 46, 47}, {30}, {48}, {54}};
    double[] source = new double[10], target = new double[10];
    for (int i = 0; i < points.length; i++) {
      double x = 0, y = 0;
      for (int p : points[i]) { x += (double) mx.invoke(null, p) / points[i].length; y += (double) my.invoke(null, p) / points[i].length; }
      source[2 * i] = (padding + x) / (2 * padding + 1) * dlibChip.width();
      source[2 * i + 1] = (padding + y) / (2 * padding + 1) * dlibChip.width();
    }
    for (int i = 0; i < 10; i++) target[i] = arcface[i] * side / 112.0;
    Class<?> st = Class.forName("facegate.vision.SimilarityTransform");
    java.lang.reflect.Method estimate = st.getDeclaredMethod("estimate", double[].class, double[].class);
    estimate.setAccessible(true);
    java.lang.reflect.Method warp = FaceAligner.class.getDeclaredMethod("warp", RgbImage.class, st, int.class);
    warp.setAccessible(true);
    return (RgbImage) warp.invoke(null, dlibChip, estimate.invoke(null, source, target), side);
  }

  public static void main(String[] a) throws Exception {
    Path root = Path.of(a[0]);
    List<String[]> pairs = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(a[1]))) pairs.add(l.split("\t"));
    Set<String> photos = new LinkedHashSet<>();
    for (String[] p : pairs) { photos.add(p[0]); photos.add(p[1]); }
    Map<String, float[]> dlib = new ConcurrentHashMap<>(), mfn = new ConcurrentHashMap<>();
    try (FaceRecognizer r = Composition.recognizer(new PipelineSettings(Path.of("models/dlib-resnet-faceapi"), Path.of("models/landmark68-faceapi"), Path.of("models/ssd-mobilenetv1-faceapi"), 2, null));
         GraphFaceEmbedder m = GraphFaceEmbedder.load(Path.of("models/faceplugin-mfn512"))) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> jobs = new ArrayList<>();
      for (String p : photos) jobs.add(pool.submit(() -> {
        try {
          RgbImage img = r.decode(Files.readAllBytes(root.resolve(p)));
          List<AlignedFace> f = r.alignFaces(img, false);
          if (f.isEmpty()) return null;
          dlib.put(p, r.embed(f).get(0).values());
          RgbImage arc = arcFaceChipFromDlibChip(f.get(0).chip(), 0.25, 112);
          List<Embedding> e = m.embed(List.of(arc, Mirror.horizontal(arc)));
          float[] s = e.get(0).values(); float[] t = e.get(1).values();
          for (int i = 0; i < s.length; i++) s[i] += t[i];
          mfn.put(p, Embedding.normalize(s).values());
        } catch (Exception ex) { System.err.println(p + ": " + ex); }
        return null;
      }));
      for (Future<?> j : jobs) j.get();
      pool.shutdown();
    }
    int n = pairs.size();
    double[] c1 = new double[n], c2 = new double[n]; boolean[] ok = new boolean[n]; int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      String[] p = pairs.get(i); y[i] = Integer.parseInt(p[2]);
      ok[i] = dlib.containsKey(p[0]) && dlib.containsKey(p[1]);
      if (ok[i]) { c1[i] = cos(dlib.get(p[0]), dlib.get(p[1])); c2[i] = cos(mfn.get(p[0]), mfn.get(p[1])); }
    }
    double[] z = new double[n]; double[] z1 = zs(c1, ok), z2 = zs(c2, ok);
    for (int i = 0; i < n; i++) z[i] = (z1[i] + z2[i]) / 2;
    report(a[1] + " dlib", c1, y, ok); report(a[1] + " mfn512-derived-chip", c2, y, ok); report(a[1] + " fused-z", z, y, ok);
  }
  static double cos(float[] a, float[] b) { double s = 0; for (int i = 0; i < a.length; i++) s += a[i] * b[i]; return s; }
  static double[] zs(double[] c, boolean[] ok) { double m = 0, q = 0; int k = 0; for (int i = 0; i < c.length; i++) if (ok[i]) { m += c[i]; q += c[i] * c[i]; k++; } m /= k; double sd = Math.sqrt(q / k - m * m); double[] z = new double[c.length]; for (int i = 0; i < c.length; i++) z[i] = (c[i] - m) / sd; return z; }
  static void report(String name, double[] s, int[] y, boolean[] ok) {
    int n = s.length; double accSum = 0; double[] accs = new double[5];
    for (int f = 0; f < 5; f++) {
      double bestT = 0; double bestA = -1;
      for (int i = 0; i < n; i++) { if (!ok[i] || i * 5 / n == f) continue; double t = s[i]; int c = 0, m = 0; for (int j = 0; j < n; j++) { if (!ok[j] || j * 5 / n == f) continue; m++; if ((s[j] >= t) == (y[j] == 1)) c++; } if ((double) c / m > bestA) { bestA = (double) c / m; bestT = t; } }
      int c = 0, m = 0; for (int j = 0; j < n; j++) { if (!ok[j] || j * 5 / n != f) continue; m++; if ((s[j] >= bestT) == (y[j] == 1)) c++; }
      accs[f] = (double) c / m; accSum += accs[f];
    }
    List<Double> imp = new ArrayList<>(), gen = new ArrayList<>();
    for (int i = 0; i < n; i++) if (ok[i]) (y[i] == 1 ? gen : imp).add(s[i]);
    Collections.sort(imp); double t1 = imp.get((int) Math.ceil(0.99 * imp.size()) - 1);
    long rej = gen.stream().filter(g -> !(g > t1)).count(); long lost = 0; for (boolean b : ok) if (!b) lost++;
    System.out.printf(Locale.ROOT, "%s: 5-fold accuracy %.4f, pooled FRR at FAR 1%% %.1f%%, pairs lost %d%n", name, accSum / 5, 100.0 * rej / gen.size(), lost);
  }
}
