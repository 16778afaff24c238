import ai.djl.pytorch.jni.JniUtils;
import facegate.core.RgbImage;
import facegate.embed.DjlFaceEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times the embedding network at one batch size and writes a PyTorch profiler trace of 10 calls:
 * {@code java -Dai.djl.offline=true -cp target/facegate.jar docs/results/ProfileEmbedding.java 1 trace.json}
 * (random 150x150 chips, one PyTorch thread; the README, Performance, sums the trace by operator).
 */
public class ProfileEmbedding {
  public static void main(String[] args) throws Exception {
    System.setProperty("ai.djl.pytorch.num_threads", "1");
    int batch = Integer.parseInt(args[0]);
    try (DjlFaceEmbedder e = DjlFaceEmbedder.load(Path.of("models/dlib-resnet-faceapi"), 1, 32)) {
      Random r = new Random(1);
      List<RgbImage> chips = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        byte[] px = new byte[150 * 150 * 3];
        r.nextBytes(px);
        chips.add(new RgbImage(150, 150, px));
      }
      for (int i = 0; i < 20; i++) e.embed(chips);
      long t = System.nanoTime();
      for (int i = 0; i < 20; i++) e.embed(chips);
      System.out.printf("batch %d: %.1f ms per call%n", batch, (System.nanoTime() - t) / 20e6);
      JniUtils.startProfile(false, true, false);
      for (int i = 0; i < 10; i++) e.embed(chips);
      JniUtils.stopProfile(args[1]);
    }
  }
}
