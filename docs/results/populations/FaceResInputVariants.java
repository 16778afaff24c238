import facegate.core.FaceBox;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.embed.TfjsGraph;
import facegate.embed.TfjsTensor;
import facegate.pipeline.Composition;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.PipelineSettings;
import facegate.vision.FaceAligner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throwaway diagnostic (issue 22, session 6, faceres-deep): EmbedderInputVariants for the two
 * FaceRes graphs (faceres, faceres-deep) at 224 px: the photos of N matched and N mismatched LFW
 * pairs (the first N of each in fold 1) under 5 input variants -- dlib chip (padding 0.25) RGB x,
 * x/255, (x-127.5)/128, BGR x, and the ArcFace 5-point chip RGB x -- accuracy at the best threshold
 * (chosen on the same pairs: optimistic) and the spread of the cosines.
 *
 * <pre>
 * java -Dai.djl.offline=true -cp target/facegate.jar \
 *   docs/results/populations/FaceResInputVariants.java /work/shared/data/lfw 150
 * </pre>
 */
public class FaceResInputVariants {
  // InsightFace arcface_dst (112x112): eyes, nose tip, mouth corners (image left first).
  static final double[][] ARCFACE = {
    {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}
  };
  static final String[] MODELS = {"faceres", "faceres-deep"};
  static final String[] OUTPUTS = {"global_pooling/Mean", "global_pooling/Mean"};
  static final int S = 224;
  static final String[] CROPS = {"dlib-0.25", "arcface-5pt"};
  static final String[] ORDERS = {"RGB", "BGR"};
  static final String[] VARIANTS = {"dlib-0.25 RGB x", "dlib-0.25 RGB x/255", "dlib-0.25 RGB (x-127.5)/128", "dlib-0.25 BGR x", "arcface-5pt RGB x"};
  static final String[] SCALES = {"x/255", "x", "(x-127.5)/128"};

  public static void main(String[] args) throws Exception {
    Path lfw = Path.of(args[0]);
    int perSide = Integer.parseInt(args[1]);
    List<String[]> lines = new ArrayList<>();
    for (String line : Files.readAllLines(lfw.resolve("protocol/pairs-folds1-5.txt"))) {
      String[] f = line.split("\t");
      if (f.length >= 3) lines.add(f);
    }
    List<String[]> pairs = new ArrayList<>(); // a, b, same
    for (int i = 0; i < perSide; i++) {
      String[] m = lines.get(i);
      pairs.add(new String[] {file(m[0], m[1]), file(m[0], m[2]), "1"});
    }
    for (int i = 300; i < 300 + perSide; i++) {
      String[] m = lines.get(i);
      pairs.add(new String[] {file(m[0], m[1]), file(m[2], m[3]), "0"});
    }
    Map<String, Boolean> photos = new LinkedHashMap<>();
    for (String[] p : pairs) {
      photos.put(p[0], true);
      photos.put(p[1], true);
    }
    System.out.printf("%d pairs, %d photos%n", pairs.size(), photos.size());
    Map<String, Map<String, float[]>> embeddings = new ConcurrentHashMap<>();
    TfjsGraph[] graphs = new TfjsGraph[MODELS.length];
    for (int m = 0; m < MODELS.length; m++) {
      // mobilefacenet-repaired: a copy of the graph whose 16 depthwise convolutions no longer fuse
      // the Relu their PReLU's Abs/Sub read past (made by the python snippet in the results doc)
      Path json =
          MODELS[m].endsWith("-repaired")
              ? Path.of(System.getProperty("repaired", "/tmp/mfn-repaired/mobilefacenet.json"))
              : Path.of("models", MODELS[m], MODELS[m] + ".json");
      graphs[m] = TfjsGraph.load(json, List.of(OUTPUTS[m]));
    }
    long start = System.nanoTime();
    try (FaceRecognizer recognizer =
        Composition.recognizer(
            new PipelineSettings(
                Path.of("models/dlib-resnet-faceapi"),
                Path.of("models/landmark68-faceapi"),
                Path.of("models/ssd-mobilenetv1-faceapi"),
                2,
                null))) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> jobs = new ArrayList<>();
      for (String photo : photos.keySet()) {
        jobs.add(pool.submit(() -> {
          try {
            embeddings.put(photo, embedAll(recognizer, graphs, lfw.resolve("images").resolve(photo)));
          } catch (Exception e) {
            System.err.println(photo + ": " + e);
          }
          return null;
        }));
      }
      for (Future<?> job : jobs) job.get();
      pool.shutdown();
    }
    System.out.printf("embedded in %.0f s%n", (System.nanoTime() - start) / 1e9);
    System.out.println("| model | crop | channels | scaling | best accuracy | threshold | genuine cos mean±sd | impostor cos mean±sd | all cos min / max | best accuracy, mean-centred |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (String key : embeddings.values().iterator().next().keySet()) {
      // mean of the L2-normalised embeddings of all photos (no labels), for the centred cosine
      int dim = embeddings.values().iterator().next().get(key).length;
      double[] mean = new double[dim];
      for (Map<String, float[]> e : embeddings.values()) {
        float[] v = e.get(key);
        double norm = Math.sqrt(dot(v, v));
        for (int i = 0; i < dim; i++) mean[i] += v[i] / norm / embeddings.size();
      }
      List<double[]> scored = new ArrayList<>();
      List<double[]> centred = new ArrayList<>();
      for (String[] p : pairs) {
        Map<String, float[]> a = embeddings.get(p[0]), b = embeddings.get(p[1]);
        if (a == null || b == null) continue;
        double label = Double.parseDouble(p[2]);
        scored.add(new double[] {cosine(a.get(key), b.get(key)), label});
        centred.add(new double[] {cosine(centre(a.get(key), mean), centre(b.get(key), mean)), label});
      }
      report(key, scored, bestAccuracy(centred)[0]);
    }
  }

  static String file(String name, String index) {
    return name + "/" + name + String.format("_%04d.jpg", Integer.parseInt(index));
  }

  static Map<String, float[]> embedAll(FaceRecognizer recognizer, TfjsGraph[] graphs, Path photo) throws Exception {
    RgbImage image = recognizer.decode(Files.readAllBytes(photo));
    Optional<FaceBox> box = recognizer.largestFaceBox(image);
    if (box.isEmpty()) throw new IllegalStateException("no face");
    Landmarks lm = recognizer.locateLandmarks(image, box.get());
    RgbImage[] chips = {
      new FaceAligner(S, 0.25).align(image, box.get(), lm).chip(), arcfaceChip(image, lm)
    };
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int m = 0; m < MODELS.length; m++) {
      for (int c = 0; c < CROPS.length; c++) {
        for (String order : ORDERS) {
          for (String scaling : SCALES) {
            if (!java.util.Arrays.asList(VARIANTS).contains(CROPS[c] + " " + order + " " + scaling)) continue;
            float[] input = input(chips[c], order, scaling);
            float[] e = graphs[m].run(new TfjsTensor("input_1", new int[] {1, S, S, 3}, input)).get(OUTPUTS[m]).values();
            out.put(String.join(" | ", MODELS[m], CROPS[c], order, scaling), e);
          }
        }
      }
    }
    return out;
  }

  static float[] input(RgbImage chip, String order, String scaling) {
    byte[] rgb = chip.rgb();
    float[] v = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      int source = order.equals("RGB") ? i : (i / 3) * 3 + (2 - i % 3);
      double x = rgb[source] & 0xff;
      v[i] = (float) switch (scaling) {
        case "x/255" -> x / 255;
        case "x" -> x;
        default -> (x - 127.5) / 128;
      };
    }
    return v;
  }

  /** Least-squares similarity (Umeyama, no reflection) from the 5 points onto ARCFACE; bilinear. */
  static RgbImage arcfaceChip(RgbImage image, Landmarks lm) {
    double[][] src = {
      mean(lm, 36, 41), mean(lm, 42, 47), {lm.x(30), lm.y(30)}, {lm.x(48), lm.y(48)}, {lm.x(54), lm.y(54)}
    };
    double sx = 0, sy = 0, dx = 0, dy = 0;
    for (int i = 0; i < 5; i++) { sx += src[i][0]; sy += src[i][1]; dx += ARCFACE[i][0] * S / 112.0; dy += ARCFACE[i][1] * S / 112.0; }
    sx /= 5; sy /= 5; dx /= 5; dy /= 5;
    double a = 0, b = 0, var = 0;
    for (int i = 0; i < 5; i++) {
      double px = src[i][0] - sx, py = src[i][1] - sy, qx = ARCFACE[i][0] - dx, qy = ARCFACE[i][1] - dy;
      a += px * qx + py * qy;
      b += px * qy - py * qx;
      var += px * px + py * py;
    }
    a /= var; b /= var; // dst = [a -b; b a] src + t
    double tx = dx - (a * sx - b * sy), ty = dy - (b * sx + a * sy);
    double det = a * a + b * b;
    byte[] out = new byte[S * S * 3];
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        double ux = x - tx, uy = y - ty;
        double ix = (a * ux + b * uy) / det, iy = (-b * ux + a * uy) / det;
        for (int c = 0; c < 3; c++) out[(y * S + x) * 3 + c] = (byte) Math.round(sample(image, ix, iy, c));
      }
    }
    return new RgbImage(S, S, out);
  }

  static double sample(RgbImage im, double x, double y, int c) {
    int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
    double fx = x - x0, fy = y - y0, s = 0;
    for (int j = 0; j < 2; j++) for (int i = 0; i < 2; i++) {
      int xi = x0 + i, yj = y0 + j;
      double w = (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy);
      if (xi >= 0 && yj >= 0 && xi < im.width() && yj < im.height()) s += w * im.channel(xi, yj, c);
    }
    return s;
  }

  static double[] mean(Landmarks lm, int from, int to) {
    double x = 0, y = 0;
    for (int i = from; i <= to; i++) { x += lm.x(i); y += lm.y(i); }
    int n = to - from + 1;
    return new double[] {x / n, y / n};
  }

  static double cosine(float[] a, float[] b) {
    double ab = 0, aa = 0, bb = 0;
    for (int i = 0; i < a.length; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
    return ab / Math.sqrt(aa * bb);
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  static float[] centre(float[] v, double[] mean) {
    double norm = Math.sqrt(dot(v, v));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm - mean[i]);
    return out;
  }

  static void report(String key, List<double[]> scored, double centredAccuracy) {
    double[] best = bestAccuracy(scored);
    int n = scored.size();
    double[] g = stats(scored, 1), im = stats(scored, 0);
    System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f ± %.4f | %.4f ± %.4f | %.4f / %.4f | %.4f |%n",
        key, best[0], best[1], g[0], g[1], im[0], im[1], scored.get(0)[0], scored.get(n - 1)[0], centredAccuracy);
  }

  /** Accuracy at the best threshold (pairs >= it accepted) and that threshold; sorts scored. */
  static double[] bestAccuracy(List<double[]> scored) {
    scored.sort((p, q) -> Double.compare(p[0], q[0]));
    int n = scored.size(), genuine = 0;
    for (double[] s : scored) genuine += (int) s[1];
    // threshold between sorted[k-1] and sorted[k]: pairs >= threshold accepted
    int best = -1; double bestThreshold = Double.NaN;
    int rejectedGenuine = 0, rejectedImpostors = 0;
    for (int k = 0; k <= n; k++) {
      if (k > 0) { if (scored.get(k - 1)[1] == 1) rejectedGenuine++; else rejectedImpostors++; }
      if (k > 0 && k < n && scored.get(k)[0] == scored.get(k - 1)[0]) continue;
      int correct = rejectedImpostors + (genuine - rejectedGenuine);
      if (correct > best) {
        best = correct;
        bestThreshold = k == 0 ? scored.get(0)[0] : k == n ? scored.get(n - 1)[0] + 1e-9 : (scored.get(k - 1)[0] + scored.get(k)[0]) / 2;
      }
    }
    return new double[] {best / (double) n, bestThreshold};
  }

  static double[] stats(List<double[]> scored, int label) {
    double s = 0, ss = 0; int n = 0;
    for (double[] p : scored) if (p[1] == label) { s += p[0]; ss += p[0] * p[0]; n++; }
    double m = s / n;
    return new double[] {m, Math.sqrt(Math.max(0, ss / n - m * m))};
  }
}
