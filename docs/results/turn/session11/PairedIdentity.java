import facegate.core.Embedding;
import facegate.core.RgbImage;
import facegate.eval.PoseGroupAccuracy;
import facegate.pipeline.Composition;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.PipelineSettings;
import facegate.pose.FaceRenderer3d;
import facegate.pose.RenderRepair;
import facegate.train.CropCache;
import facegate.train.FaceDatasets;
import facegate.train.FaceSample;
import facegate.train.IdentitySplit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paired identity of rr views against the 3D renderer's on turn-eval's faces: for each of the 100
 * held-out CFP frontals (one per person, --held-out-fraction 0.5, seed 24) and each yaw, cos(view,
 * source) of a repair's view minus that of the 3D view; prints the mean difference and its 95 %
 * interval (t, 99 degrees of freedom) per yaw.
 * Usage, from the repository root: java -cp target/facegate.jar \
 *   docs/results/turn/session11/PairedIdentity.java CROP_CACHE_ROOT DATA REPAIR_DIR
 * CROP_CACHE_ROOT holds cfp-da557a8b67f85fe5 (the crops' fingerprint at commit d176a5c).
 */
public class PairedIdentity {
  public static void main(String[] a) throws Exception {
    Path cacheRoot = Path.of(a[0]);
    Path data = Path.of(a[1]);
    List<FaceSample> all =
        CropCache.at(cacheRoot, "cfp", "da557a8b67f85fe5", 150)
            .load(FaceDatasets.folderPerIdentity(data.resolve("cfp/images")));
    List<FaceSample> held = IdentitySplit.of(all, 0.5, 24, Set.of()).validation();
    Map<String, String> labels = PoseGroupAccuracy.readLabels(data.resolve("cfp/poses.tsv"));
    List<FaceSample> sources = new ArrayList<>();
    Set<String> people = new HashSet<>();
    for (FaceSample s : held) {
      Path p = Path.of(s.source());
      String key = p.getParent().getFileName() + "/" + p.getFileName();
      if ("frontal".equals(labels.get(key)) && sources.size() < 100 && people.add(s.identity())) {
        sources.add(s);
      }
    }
    double[] yaws = {-90, -60, -30, 30, 60, 90};
    FaceRenderer3d renderer = FaceRenderer3d.shipped();
    try (FaceRecognizer recognizer =
            Composition.recognizer(
                new PipelineSettings(
                    Path.of("models/dlib-resnet-faceapi"),
                    Path.of("models/landmark68-faceapi"),
                    Path.of("models/ssd-mobilenetv1-faceapi"),
                    1,
                    null));
        RenderRepair repair = RenderRepair.open(Path.of(a[2]), renderer)) {
      double[][] diff = new double[yaws.length][sources.size()];
      for (int i = 0; i < sources.size(); i++) {
        FaceSample s = sources.get(i);
        Embedding source = recognizer.embedChip(s.chip());
        for (int y = 0; y < yaws.length; y++) {
          RgbImage view3d = renderer.render(s.chip(), s.chipLandmarks(), yaws[y]).alignedChip();
          RgbImage viewRr = repair.turn(s.chip(), s.chipLandmarks(), yaws[y]);
          diff[y][i] =
              source.cosine(recognizer.embedChip(viewRr))
                  - source.cosine(recognizer.embedChip(view3d));
        }
      }
      System.out.println("faces=" + sources.size() + " repair=" + a[2]);
      for (int y = 0; y < yaws.length; y++) {
        double mean = 0;
        for (double d : diff[y]) {
          mean += d;
        }
        mean /= diff[y].length;
        double var = 0;
        for (double d : diff[y]) {
          var += (d - mean) * (d - mean);
        }
        double half = 1.984 * Math.sqrt(var / (diff[y].length - 1) / diff[y].length);
        System.out.printf(
            java.util.Locale.ROOT,
            "yaw %+.0f identity(rr) - identity(3d) = %+.4f [%+.4f, %+.4f]%n",
            yaws[y],
            mean,
            mean - half,
            mean + half);
      }
    }
  }
}
