// How the yaw estimator used by turn-eval (landmark network on the chip + HeadPoseEstimator) reads
// real CFP frontals and profiles. Run from the project root, with a CFP crop cache built by `crops`:
//   java -Dai.djl.offline=true -cp target/facegate.jar docs/results/turn/EstimatorCeiling.java \
//     CROPS/cfp-<fingerprint> ../shared/data/cfp/poses.tsv
import facegate.core.*;
import facegate.pipeline.*;
import facegate.pose.*;
import java.io.RandomAccessFile;
import java.nio.file.*;
import java.util.*;
/** |yaw| distribution of real CFP frontal and profile chips as turn-eval's estimator reads them. */
public class EstimatorCeiling {
  public static void main(String[] a) throws Exception {
    Path cache = Path.of(a[0]);
    Map<String, String> labels = new HashMap<>();
    for (String l : Files.readAllLines(Path.of(a[1]))) {
      String[] f = l.split("\t");
      if (f.length == 2) labels.put(f[0], f[1]);
    }
    Map<String, List<Double>> yaws = new TreeMap<>();
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    FaceBox whole = new FaceBox(20, 20, 110, 110, 1, FaceBox.View.ANY); // as turn-eval
    try (FaceRecognizer rec = Composition.recognizer(new PipelineSettings(Path.of("models/dlib-resnet-faceapi"), Path.of("models/landmark68-faceapi"), Path.of("models/ssd-mobilenetv1-faceapi"), 1, null));
        RandomAccessFile chips = new RandomAccessFile(cache.resolve("chips.bin").toFile(), "r")) {
      for (String line : Files.readAllLines(cache.resolve("index.tsv"))) {
        String[] f = line.split("\t");
        long slot = Long.parseLong(f[2]);
        if (slot < 0) continue;
        Path p = Path.of(f[1]);
        String label = labels.get(p.getParent().getFileName() + "/" + p.getFileName());
        if (label == null) continue;
        byte[] rgb = new byte[150 * 150 * 3];
        chips.seek(slot * rgb.length);
        chips.readFully(rgb);
        Landmarks l = rec.locateLandmarks(new RgbImage(150, 150, rgb), whole);
        yaws.computeIfAbsent(label, k -> new ArrayList<>()).add(poses.estimate(l).yawDegrees());
      }
    }
    System.out.println("| chips | n | median abs yaw | mean abs yaw | p10 / p90 abs yaw | abs yaw >= 30 | >= 45 | within 15 of 60 | within 15 of 75 | within 15 of 90 |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (var e : yaws.entrySet()) {
      double[] v = e.getValue().stream().mapToDouble(Math::abs).sorted().toArray();
      int n = v.length;
      double mean = Arrays.stream(v).average().orElse(0);
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f / %.1f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", e.getKey(), n, v[n / 2], mean, v[n / 10], v[n * 9 / 10],
          frac(v, 30, 999), frac(v, 45, 999), frac(v, 45, 75), frac(v, 60, 90), frac(v, 75, 105));
    }
    for (var e : yaws.entrySet()) {
      int[] hist = new int[10];
      for (double y : e.getValue()) hist[Math.min(9, (int) (Math.abs(y) / 10))]++;
      System.out.println("histogram abs yaw by 10 deg (0-10 ... 90+) " + e.getKey() + ": " + Arrays.toString(hist));
    }
  }
  static double frac(double[] v, double lo, double hi) {
    return Arrays.stream(v).filter(x -> x >= lo && x <= hi).count() / (double) v.length;
  }
}
