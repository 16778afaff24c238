import facegate.core.ChipAlignment;
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
import java.util.Arrays;
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
 * Throwaway diagnostic (issue 22, session 6): embeds the photos of N matched and N mismatched LFW
 * pairs (the first N of each in fold 1) with a group of TFJS embedders under input variants --
 * crop (the pipeline's dlib chip, padding 0.25; or the ArcFace 5-point chip, both by {@link
 * FaceAligner#forNetwork}) x channel order (RGB, BGR) x scaling (x/255, x, (x-127.5)/128) -- and
 * prints, per variant, accuracy at the best threshold (chosen on the pairs themselves: optimistic)
 * and the spread of the cosines. Detection and landmarks are the standard pipeline's. Groups:
 * {@code mobile} (mobilefacenet, mobileface and the Relu-split mobilefacenet copy at 112 px, every
 * variant) and {@code faceres} (faceres, faceres-deep at 224 px, the five variants in {@link
 * Group#FACERES}).
 *
 * <pre>
 * java -Dai.djl.offline=true -cp target/facegate.jar docs/results/populations/EmbedderInputVariants.java \
 *   /work/shared/data/lfw 150 [mobile|faceres]
 * </pre>
 */
public class EmbedderInputVariants {
  /** The networks of one run: graphs, output nodes, input node and side, variants (null: all). */
  record Group(String[] models, String[] outputs, String inputNode, int side, List<String> variants) {
    static final Group MOBILE =
        new Group(
            new String[] {"mobilefacenet", "mobileface", "mobilefacenet-repaired"},
            new String[] {"embeddings", "batchnorm0/add_1", "embeddings"},
            "input",
            112,
            null);
    static final Group FACERES =
        new Group(
            new String[] {"faceres", "faceres-deep"},
            new String[] {"global_pooling/Mean", "global_pooling/Mean"},
            "input_1",
            224,
            List.of(
                "dlib-0.25 RGB x",
                "dlib-0.25 RGB x/255",
                "dlib-0.25 RGB (x-127.5)/128",
                "dlib-0.25 BGR x",
                "arcface-5pt RGB x"));

    boolean includes(String crop, String order, String scaling) {
      return variants == null || variants.contains(crop + " " + order + " " + scaling);
    }
  }

  static final String[] CROPS = {"dlib-0.25", "arcface-5pt"};
  static final String[] ORDERS = {"RGB", "BGR"};
  static final String[] SCALES = {"x/255", "x", "(x-127.5)/128"};

  public static void main(String[] args) throws Exception {
    Path lfw = Path.of(args[0]);
    int perSide = Integer.parseInt(args[1]);
    Group requested = args.length > 2 && args[2].equals("faceres") ? Group.FACERES : Group.MOBILE;
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
    Path repairedJson = Path.of(System.getProperty("repaired", "/tmp/mfn-repaired/mobilefacenet.json"));
    boolean noRepaired = requested == Group.MOBILE && !Files.exists(repairedJson);
    if (noRepaired) System.out.println("# " + repairedJson + " missing: mobilefacenet-repaired skipped");
    Group group =
        noRepaired
            ? new Group(Arrays.copyOf(requested.models(), 2), Arrays.copyOf(requested.outputs(), 2), requested.inputNode(), requested.side(), null)
            : requested;
    String[] models = group.models();
    TfjsGraph[] graphs = new TfjsGraph[models.length];
    for (int m = 0; m < models.length; m++) {
      // mobilefacenet-repaired: a copy of the graph whose 16 depthwise convolutions no longer fuse
      // the Relu their PReLU's Abs/Sub read past (made by the python snippet in the results doc)
      Path json =
          models[m].endsWith("-repaired")
              ? repairedJson
              : Path.of("models", models[m], models[m] + ".json");
      graphs[m] = TfjsGraph.load(json, List.of(group.outputs()[m]));
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
            embeddings.put(photo, embedAll(recognizer, group, graphs, lfw.resolve("images").resolve(photo)));
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

  static Map<String, float[]> embedAll(FaceRecognizer recognizer, Group group, TfjsGraph[] graphs, Path photo) throws Exception {
    RgbImage image = recognizer.decode(Files.readAllBytes(photo));
    Optional<FaceBox> box = recognizer.largestFaceBox(image);
    if (box.isEmpty()) throw new IllegalStateException("no face");
    Landmarks lm = recognizer.locateLandmarks(image, box.get());
    int S = group.side();
    RgbImage[] chips = {
      FaceAligner.forNetwork(ChipAlignment.DLIB, S).align(image, box.get(), lm).chip(),
      FaceAligner.forNetwork(ChipAlignment.ARCFACE, S).align(image, box.get(), lm).chip()
    };
    Map<String, float[]> out = new LinkedHashMap<>();
    for (int m = 0; m < group.models().length; m++) {
      for (int c = 0; c < CROPS.length; c++) {
        for (String order : ORDERS) {
          for (String scaling : SCALES) {
            if (!group.includes(CROPS[c], order, scaling)) continue;
            float[] input = input(chips[c], order, scaling);
            float[] e = graphs[m].run(new TfjsTensor(group.inputNode(), new int[] {1, S, S, 3}, input)).get(group.outputs()[m]).values();
            out.put(String.join(" | ", group.models()[m], CROPS[c], order, scaling), e);
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
