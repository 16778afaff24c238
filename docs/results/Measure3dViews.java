// Run from the project root after `pose` has cached landmarks:
//   java -Dai.djl.offline=true -cp target/facegate.jar docs/results/Measure3dViews.java 20
import facegate.core.*;
import facegate.pipeline.Composition;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.PipelineSettings;
import facegate.pose.*;
import facegate.vision.*;
import java.nio.file.*;
import java.util.*;
/** 3D views of cached CelebA frontal chips: identity cosine to the source and re-estimated yaw per target. */
public class Measure3dViews {
  public static void main(String[] a) throws Exception {
    List<PoseEntry> table = PoseTable.read(Path.of("docs/results/pose-table.tsv"));
    List<PoseEntry> frontal = new ArrayList<>(table.stream().filter(e -> e.bucket() == PoseBucket.FRONTAL).toList());
    Collections.shuffle(frontal, new Random(11));
    int n = Integer.parseInt(a[0]);
    Map<String, FaceRecord> lm = LandmarkTable.read(Path.of("data/pose/landmarks.tsv"));
    HeadPoseEstimator est = HeadPoseEstimator.shipped();
    FaceRenderer3d r = FaceRenderer3d.shipped();
    FaceAligner al = FaceAligner.dlibChip();
    double[] yaws = {-60, -40, -20, 20, 40, 60};
    double[] cos = new double[yaws.length]; double[] yawSum = new double[yaws.length]; int[] yawN = new int[yaws.length];
    double cosMirror = 0;
    try (FaceRecognizer rec = Composition.recognizer(new PipelineSettings(Path.of("models/dlib-resnet-faceapi"), Path.of("models/landmark68-faceapi"), Path.of("models/ssd-mobilenetv1-faceapi"), 1, null))) {
      for (int i = 0; i < n; i++) {
        PoseEntry e = frontal.get(i);
        RgbImage image = rec.decode(Files.readAllBytes(Path.of("../shared/data").resolve(e.image())));
        Landmarks l = lm.get(e.image()).landmarks();
        FaceBox box = new FaceBox(0, 0, image.width(), image.height(), 1, FaceBox.View.ANY);
        AlignedFace face = al.align(image, box, l);
        Landmarks onChip = al.chipLandmarks(l);
        List<AlignedFace> faces = new ArrayList<>(); faces.add(face);
        for (double y : yaws) {
          FaceRenderer3d.View v = r.render(face.chip(), onChip, y);
          faces.add(new AlignedFace(v.alignedChip(), box, l, false));
          Landmarks re = rec.locateLandmarks(v.image(), new FaceBox(20, 20, 110, 110, 1, FaceBox.View.ANY));
          int k = Arrays.binarySearch(yaws, y);
          yawSum[k] += est.estimate(re).yawDegrees(); yawN[k]++;
        }
        List<Embedding> emb = rec.embed(faces);
        for (int k = 0; k < yaws.length; k++) cos[k] += emb.get(0).cosine(emb.get(k + 1));
      }
    }
    for (int k = 0; k < yaws.length; k++)
      System.out.printf(Locale.ROOT, "target-yaw=%+.0f faces=%d mean-cosine-to-source=%.4f mean-re-estimated-yaw=%.1f%n", yaws[k], n, cos[k] / n, yawSum[k] / yawN[k]);
  }
}
