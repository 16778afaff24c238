import facegate.core.RgbImage;
import facegate.embed.DjlFaceEmbedder;
import facegate.embed.FaceEmbedder;
import facegate.embed.GraphFaceEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Times single-chip embedding calls of one network (random chip):
 * {@code java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp target/facegate.jar
 * docs/results/TimeEmbedding.java faceres 12} (see docs/populations.md).
 */
public class TimeEmbedding {
  public static void main(String[] args) throws Exception {
    String model = args[0];
    int n = Integer.parseInt(args[1]);
    Path dir = Path.of("models", model);
    long t0 = System.nanoTime();
    FaceEmbedder e = GraphFaceEmbedder.handles(dir) ? GraphFaceEmbedder.load(dir) : DjlFaceEmbedder.load(dir, 1, 32);
    System.out.printf("%s load %.0f ms%n", model, (System.nanoTime() - t0) / 1e6);
    int s = e.inputSize();
    byte[] px = new byte[s * s * 3];
    new Random(1).nextBytes(px);
    List<RgbImage> chip = List.of(new RgbImage(s, s, px));
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      e.embed(chip);
      System.out.printf("%s call %d: %.0f ms%n", model, i, (System.nanoTime() - t) / 1e6);
    }
    e.close();
  }
}
