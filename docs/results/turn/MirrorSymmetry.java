import facegate.core.*;
import facegate.eval.ChipYaw;
import facegate.pipeline.*;
import facegate.pose.*;
import facegate.train.*;
import facegate.vision.Mirror;
import java.nio.file.*;
import java.util.*;

/**
 * Throwaway diagnostic (issue 24, session 7): is the -60/+60 asymmetry of the keypoint yaw on
 * turned views (3d: mean -36.7 vs +42.0) the renderer's or the estimator's? For N CFP frontal
 * chips (one per person, crop cache of turn-eval): V = render(chip, theta); M = mirror(render(
 * mirror(chip), mirrored landmarks, -theta)), which equals V for a mirror-symmetric renderer; and
 * both estimators on V and on mirror(V) (a symmetric estimator reads -yaw). Real profile chips too:
 * each read as is and mirrored, split by the side they face.
 *
 *   java -Dai.djl.offline=true -cp target/facegate.jar docs/results/turn/MirrorSymmetry.java \
 *     CROPS $D/cfp 60
 */
public class MirrorSymmetry {
  public static void main(String[] a) throws Exception {
    // the cfp crop cache turn-eval uses (crops --folder-dataset $D/cfp/images --crop-cache CROPS)
    CropCache cache = CropCache.at(Path.of(a[0]), "cfp", "da557a8b67f85fe5", 150);
    Path images = Path.of(a[1]).resolve("images");
    Map<String, String> labels = new HashMap<>();
    List<LabelledImage> listing = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(a[1]).resolve("poses.tsv"))) {
      String[] f = l.split("\t");
      if (f.length != 2) continue;
      labels.put(images.resolve(f[0]).toString(), f[1]);
      listing.add(new LabelledImage(f[0].substring(0, f[0].indexOf('/')), images.resolve(f[0])));
    }
    int n = Integer.parseInt(a[2]);
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    FaceRenderer3d renderer = FaceRenderer3d.shipped();
    FaceBox whole = new FaceBox(20, 20, 110, 110, 1, FaceBox.View.ANY); // as turn-eval
    Map<String, List<Double>> stats = new TreeMap<>();
    Set<String> people = new HashSet<>();
    int frontals = 0, profiles = 0;
    try (FaceRecognizer rec = Composition.recognizer(new PipelineSettings(Path.of("models/dlib-resnet-faceapi"), Path.of("models/landmark68-faceapi"), Path.of("models/ssd-mobilenetv1-faceapi"), 1, null))) {
      ChipYaw kp = ChipYaw.keypoints(rec::largestFaceBox, KeypointYaw.shipped()); // as turn-eval
      for (FaceSample sample : cache.load(listing)) {
        String label = labels.get(sample.source());
        RgbImage chip = sample.chip();
        if (label.equals("profile") && profiles < 2 * n) {
          profiles++;
          OptionalDouble y = kp.yawDegrees(chip), ym = kp.yawDegrees(Mirror.horizontal(chip));
          if (y.isPresent() && ym.isPresent()) {
            String side = y.getAsDouble() > 0 ? "+" : "-";
            add(stats, "real profile facing " + side + ": keypoint yaw", y.getAsDouble());
            add(stats, "real profile facing " + side + ": keypoint yaw of mirror, negated", -ym.getAsDouble());
            double l = poses.estimate(rec.locateLandmarks(chip, whole)).yawDegrees();
            double lm = poses.estimate(rec.locateLandmarks(Mirror.horizontal(chip), whole)).yawDegrees();
            add(stats, "real profile facing " + side + ": landmark yaw", l);
            add(stats, "real profile facing " + side + ": landmark yaw of mirror, negated", -lm);
          }
        }
        if (!label.equals("frontal") || frontals >= n || !people.add(sample.identity())) continue;
        frontals++;
        Landmarks lm = sample.chipLandmarks();
        Landmarks mlm = LandmarkSymmetry.mirrored(lm, 150);
        RgbImage mchip = Mirror.horizontal(chip);
        add(stats, "source frontal: landmark yaw (chip landmarks)", poses.estimate(lm).yawDegrees());
        for (double theta : new double[] {-60, 60}) {
          String t = String.format(Locale.ROOT, "%+.0f", theta);
          RgbImage v = renderer.render(chip, lm, theta).alignedChip();
          RgbImage m = Mirror.horizontal(renderer.render(mchip, mlm, -theta).alignedChip());
          add(stats, t + " V: keypoint yaw", kp.yawDegrees(v));
          add(stats, t + " V: keypoint yaw of mirror(V), negated", neg(kp.yawDegrees(Mirror.horizontal(v))));
          add(stats, t + " M (mirror-rendered): keypoint yaw", kp.yawDegrees(m));
          add(stats, t + " V: landmark yaw", poses.estimate(rec.locateLandmarks(v, whole)).yawDegrees());
          add(stats, t + " M (mirror-rendered): landmark yaw", poses.estimate(rec.locateLandmarks(m, whole)).yawDegrees());
          add(stats, t + " mean |V - M| per channel (0-255)", meanAbs(v, m));
        }
      }
    }
    System.out.printf("%d frontal sources, %d real profiles%n", frontals, profiles);
    System.out.println("| quantity | n | mean | sd |");
    System.out.println("|---|---|---|---|");
    for (var e : stats.entrySet()) {
      double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
      double mean = Arrays.stream(v).average().orElse(Double.NaN);
      double sd = Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1));
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", e.getKey(), v.length, mean, sd);
    }
  }

  static OptionalDouble neg(OptionalDouble d) {
    return d.isPresent() ? OptionalDouble.of(-d.getAsDouble()) : d;
  }

  static void add(Map<String, List<Double>> s, String k, OptionalDouble v) {
    if (v.isPresent()) add(s, k, v.getAsDouble());
    else add(s, k + " (no face)", 1);
  }

  static void add(Map<String, List<Double>> s, String k, double v) {
    s.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
  }

  static double meanAbs(RgbImage a, RgbImage b) {
    double s = 0;
    int n = 0;
    for (int y = 0; y < a.height(); y++) for (int x = 0; x < a.width(); x++) for (int c = 0; c < 3; c++) { s += Math.abs(a.channel(x, y, c) - b.channel(x, y, c)); n++; }
    return s / n;
  }
}
