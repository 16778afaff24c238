// Where CFP's hand-marked profile points land in the pipeline's chips of real profiles (the targets of
// pose.ProfileFraming). From the project root: java -Dai.djl.offline=true -cp target/facegate.jar \
//   docs/results/turn/RealFraming.java 60   (people cfp001..cfp060; 999 for all). Chips are looked
// at nose-right (profiles looking left are mirrored); per-image lines, then means and sds.
import facegate.core.*;
import facegate.pipeline.*;
import facegate.pose.*;
import facegate.vision.*;
import java.nio.file.*;
import java.util.*;
/** Where CFP's hand-marked profile fiducials land in the pipeline's chips of real profiles. */
public class RealFraming {
  static final int[] FID = {21, -1, 8, 0, 25, 10};  // nose tip, eye centre (12-17), chin, jaw top/ear, mouth corner, brow
  static final String[] NAME = {"nose", "eye", "chin", "jawtop", "mouth", "brow"};
  public static void main(String[] a) throws Exception {
    Path d = Path.of("/work/shared/data/cfp");
    int people = Integer.parseInt(a[0]);
    List<String> imgs = new ArrayList<>();
    for (String l : Files.readAllLines(d.resolve("poses.tsv"))) {
      String[] f = l.split("\t");
      if (f.length == 2 && f[1].equals("profile")) imgs.add(f[0]);
    }
    Collections.sort(imgs);
    double[][] sum = new double[NAME.length][2]; double[][] sq = new double[NAME.length][2]; int n = 0;
    double scaleSum = 0;
    try (FaceRecognizer rec = Composition.recognizer(new PipelineSettings(Path.of("models/dlib-resnet-faceapi"), Path.of("models/landmark68-faceapi"), Path.of("models/ssd-mobilenetv1-faceapi"), 1, null))) {
      for (String img : imgs) {
        if (Integer.parseInt(img.substring(3, 6)) > people) continue;
        RgbImage image = rec.decode(Files.readAllBytes(d.resolve("images").resolve(img)));
        List<AlignedFace> faces = rec.alignFaces(image, false);
        if (faces.isEmpty()) continue;
        Landmarks p = faces.get(0).landmarks();
        Landmarks c = new FaceAligner(150, 0.25).chipLandmarks(p);
        // similarity photo -> chip, least squares over the 68 points
        double[] t = fit(p, c);
        List<String> lines = Files.readAllLines(d.resolve("fiducials").resolve(img.replace(".jpg", ".txt")));
        double[][] fid = new double[30][2];
        for (int i = 0; i < 30; i++) { String[] xy = lines.get(i).split(","); fid[i] = map(t, Double.parseDouble(xy[0]), Double.parseDouble(xy[1])); }
        double[][] pts = new double[NAME.length][];
        for (int k = 0; k < NAME.length; k++) {
          if (FID[k] >= 0) pts[k] = fid[FID[k]];
          else { double x = 0, y = 0; for (int i = 12; i <= 17; i++) { x += fid[i][0] / 6; y += fid[i][1] / 6; } pts[k] = new double[]{x, y}; }
        }
        boolean left = pts[0][0] < pts[3][0]; // nose left of the ear: looking left; mirror to look right
        StringBuilder sb = new StringBuilder(img + (left ? " L" : " R"));
        for (int k = 0; k < NAME.length; k++) {
          double x = left ? 150 - pts[k][0] : pts[k][0];
          sum[k][0] += x; sum[k][1] += pts[k][1]; sq[k][0] += x * x; sq[k][1] += pts[k][1] * pts[k][1];
          sb.append(String.format(Locale.ROOT, " %s=%.0f,%.0f", NAME[k], x, pts[k][1]));
        }
        scaleSum += Math.hypot(t[0], t[1]);
        n++;
        System.out.println(sb);
      }
    }
    System.out.printf(Locale.ROOT, "n=%d mean photo->chip scale %.3f%n", n, scaleSum / n);
    for (int k = 0; k < NAME.length; k++) {
      double mx = sum[k][0] / n, my = sum[k][1] / n;
      System.out.printf(Locale.ROOT, "real %-6s x %.1f (sd %.1f) y %.1f (sd %.1f)%n", NAME[k], mx, Math.sqrt(sq[k][0] / n - mx * mx), my, Math.sqrt(sq[k][1] / n - my * my));
    }
  }
  static double[] fit(Landmarks p, Landmarks c) {
    int n = 68; double fx=0,fy=0,tx=0,ty=0;
    for (int i=0;i<n;i++){fx+=p.x(i)/n;fy+=p.y(i)/n;tx+=c.x(i)/n;ty+=c.y(i)/n;}
    double dot=0,cross=0,norm=0;
    for (int i=0;i<n;i++){double px=p.x(i)-fx,py=p.y(i)-fy,qx=c.x(i)-tx,qy=c.y(i)-ty;dot+=px*qx+py*qy;cross+=px*qy-py*qx;norm+=px*px+py*py;}
    double A=dot/norm,B=cross/norm; return new double[]{A,B,tx-(A*fx-B*fy),ty-(B*fx+A*fy)};
  }
  static double[] map(double[] t, double x, double y) { return new double[]{t[0]*x - t[1]*y + t[2], t[1]*x + t[0]*y + t[3]}; }
}
