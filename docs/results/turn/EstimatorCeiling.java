// How turn-eval's yaw estimators read real CFP frontals and profiles on the crop cache's 150 px
// chips: "landmarks" (landmark network on the chip + HeadPoseEstimator, the default) or "keypoints"
// (the pipeline's detector on the chip, MediaPipe's keypoints + KeypointYaw; a chip without a
// MediaPipe face is counted as no face). For keypoints it also fits KeypointYaw's k as a degree
// calibration on odd-numbered people (most frontals within 15 of 0 and profiles within 15 of 90,
// balanced) and reports it on the even ones. "mesh": MediaPipe FaceMesh on the detector's box
// (human's crop; a chip without a MediaPipe face or whose face flag FaceMesh rejects is no face),
// read by MeshYaw's eye corners and by its rotation fit to the shipped canonical mesh, on all
// people and on the even-numbered ones (the canonical mesh comes from the odd ones); with a 4th
// argument it also writes every mesh to that file (person, label, 1404 values per line), from which
// the canonical mesh is built. Run from the project root, with a CFP crop cache built by `crops`:
//   java -Dai.djl.offline=true -cp target/facegate.jar docs/results/turn/EstimatorCeiling.java \
//     CROPS/cfp-<fingerprint> ../shared/data/cfp/poses.tsv [landmarks|keypoints|mesh [DUMP]]
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
    boolean keypoints = a.length > 2 && a[2].equals("keypoints");
    boolean mesh = a.length > 2 && a[2].equals("mesh");
    Map<String, List<Double>> eyeAll = new TreeMap<>(), fitAll = new TreeMap<>(), eyeEven = new TreeMap<>(), fitEven = new TreeMap<>();
    MeshYaw fit = null;
    try {
      fit = MeshYaw.shipped();
    } catch (IllegalStateException e) {
      System.out.println("no canonical mesh in the jar yet: eye corners only");
    }
    List<String> dump = new ArrayList<>();
    int read = 0;
    Map<String, List<Double>> yaws = new TreeMap<>();
    Map<String, Integer> noFace = new TreeMap<>();
    List<Object[]> found = new ArrayList<>(); // person number, label, keypoints
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    KeypointYaw keypointYaw = KeypointYaw.shipped();
    FaceBox whole = new FaceBox(20, 20, 110, 110, 1, FaceBox.View.ANY); // as turn-eval
    try (FaceRecognizer rec = Composition.recognizer(new PipelineSettings(Path.of("models/dlib-resnet-faceapi"), Path.of("models/landmark68-faceapi"), Path.of("models/ssd-mobilenetv1-faceapi"), 1, null));
        facegate.vision.MediaPipeFaceMesh faceMesh = mesh ? MediaPipeDetectors.loadFaceMesh(Path.of("models", MediaPipeDetectors.FACE_MESH_MODEL)) : null;
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
        RgbImage chip = new RgbImage(150, 150, rgb);
        if (++read % 100 == 0) System.err.println("chips read: " + read);
        yaws.computeIfAbsent(label, k -> new ArrayList<>());
        noFace.putIfAbsent(label, 0);
        if (!keypoints && !mesh) {
          yaws.get(label).add(poses.estimate(rec.locateLandmarks(chip, whole)).yawDegrees());
          continue;
        }
        int person = Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", ""));
        if (mesh) {
          Optional<float[]> points = rec.largestFaceBox(chip).flatMap(b -> faceMesh.mesh(chip, b));
          if (points.isEmpty()) {
            noFace.merge(label, 1, Integer::sum);
            continue;
          }
          double eye = MeshYaw.eyeCornerYawDegrees(points.get());
          eyeAll.computeIfAbsent(label, k -> new ArrayList<>()).add(eye);
          if (person % 2 == 0) eyeEven.computeIfAbsent(label, k -> new ArrayList<>()).add(eye);
          if (fit != null) {
            double y = fit.yawDegrees(points.get());
            fitAll.computeIfAbsent(label, k -> new ArrayList<>()).add(y);
            if (person % 2 == 0) fitEven.computeIfAbsent(label, k -> new ArrayList<>()).add(y);
          }
          StringBuilder row = new StringBuilder(person + "\t" + label);
          for (float v : points.get()) row.append('\t').append(v);
          dump.add(row.toString());
          continue;
        }
        Optional<FaceBox> box = rec.largestFaceBox(chip).filter(FaceBox::hasKeypoints);
        if (box.isEmpty()) {
          noFace.merge(label, 1, Integer::sum);
          continue;
        }
        yaws.get(label).add(keypointYaw.yawDegrees(box.get().keypoints()));
        found.add(new Object[] {Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "")), label, box.get().keypoints()});
      }
    }
    if (mesh) {
      System.out.println("estimator mesh; no face (no MediaPipe face on the chip, or FaceMesh's flag <= " + facegate.vision.MediaPipeFaceMesh.MIN_FACE_FLAG + "): " + noFace);
      System.out.println("eye corners (33, 263), all people:");
      table(eyeAll);
      System.out.println("eye corners, even-numbered people:");
      table(eyeEven);
      if (fit != null) {
        System.out.println("rotation fit to the shipped canonical mesh, all people:");
        table(fitAll);
        System.out.println("rotation fit, even-numbered people (the canonical mesh is from the odd ones):");
        table(fitEven);
      }
      if (a.length > 3) Files.write(Path.of(a[3]), dump);
      return;
    }
    System.out.println("estimator " + (keypoints ? "keypoints k=" + KeypointYaw.SHIPPED_NOSE_DEPTH + "; no face (MediaPipe found none on the chip): " + noFace : "landmarks"));
    table(yaws);
    if (keypoints) {
      double bestK = 0, best = -1;
      for (int step = 10; step <= 300; step++) { // k 0.10-3.00, the smallest best
        double score = calibration(found, new KeypointYaw(step / 100.0), 1);
        if (score > best) { best = score; bestK = step / 100.0; }
      }
      System.out.printf(Locale.ROOT, "k fitted on odd people (frontals |yaw| <= 15, profiles |yaw| >= 75, balanced): %.2f (odd people %.4f)%n", bestK, best);
      for (double k : new double[] {KeypointYaw.SHIPPED_NOSE_DEPTH, bestK}) {
        System.out.printf(Locale.ROOT, "even (held-out) people, k=%.2f, balanced score %.4f:%n", k, calibration(found, new KeypointYaw(k), 0));
        table(even(found, new KeypointYaw(k), 1));
      }
      // a linear degree scale instead: the shipped yaw times s, s fitted so that the odd people's profiles' median |yaw| reads 90
      double[] oddProfiles = found.stream().filter(f -> (int) f[0] % 2 == 1 && f[1].equals("profile")).mapToDouble(f -> Math.abs(keypointYaw.yawDegrees((FaceKeypoints) f[2]))).sorted().toArray();
      double scale = 90 / oddProfiles[oddProfiles.length / 2];
      System.out.printf(Locale.ROOT, "even (held-out) people, shipped k, yaw scaled by %.3f (odd profiles' median to 90), capped at 90; a reading of 30 becomes %.1f:%n", scale, Math.min(90, 30 * scale));
      table(even(found, keypointYaw, scale));
    }
  }

  /** Even-numbered people's yaws by label, times {@code scale}, capped at +-90. */
  static Map<String, List<Double>> even(List<Object[]> found, KeypointYaw yaw, double scale) {
    Map<String, List<Double>> even = new TreeMap<>();
    for (Object[] f : found) {
      double y = scale * yaw.yawDegrees((FaceKeypoints) f[2]);
      if ((int) f[0] % 2 == 0) even.computeIfAbsent((String) f[1], x -> new ArrayList<>()).add(Math.max(-90, Math.min(90, y)));
    }
    return even;
  }

  /** Mean over frontal and profile of the fraction within 15 deg of 0 / 90, on people of this parity. */
  static double calibration(List<Object[]> found, KeypointYaw yaw, int parity) {
    int[] n = new int[2], ok = new int[2];
    for (Object[] f : found) {
      if ((int) f[0] % 2 != parity) continue;
      int profile = f[1].equals("profile") ? 1 : 0;
      double y = Math.abs(yaw.yawDegrees((FaceKeypoints) f[2]));
      n[profile]++;
      ok[profile] += (profile == 1 ? y >= 75 : y <= 15) ? 1 : 0;
    }
    return (ok[0] / (double) n[0] + ok[1] / (double) n[1]) / 2;
  }

  static void table(Map<String, List<Double>> yaws) {
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
