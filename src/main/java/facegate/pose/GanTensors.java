package facegate.pose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import facegate.core.RgbImage;

/**
 * Conversions between chips and the image GANs' tensors (RGB scaled to [-1, 1], NCHW), and the
 * training set-up the pose GAN and the render repair share.
 */
final class GanTensors {
  private GanTensors() {}

  /**
   * The training configuration of either network of a GAN: Adam at a fixed {@code learningRate},
   * beta1 0.5 and beta2 0.999 (as StarGAN and pix2pix), with {@code loss} as the trainer's nominal
   * loss (the step functions compute their own losses).
   */
  static DefaultTrainingConfig adamConfig(float learningRate, Loss loss) {
    Optimizer adam =
        Optimizer.adam()
            .optLearningRateTracker(Tracker.fixed(learningRate))
            .optBeta1(0.5f)
            .optBeta2(0.999f)
            .build();
    return new DefaultTrainingConfig(loss).optOptimizer(adam);
  }

  /** A domain other than {@code source}, uniformly among the {@code domains - 1} others. */
  static int otherDomain(int source, int domains, java.util.Random random) {
    return (source + 1 + random.nextInt(domains - 1)) % domains;
  }

  /** {@code [3, s, s]} in [-1, 1] of a square chip, mirrored left-right when {@code flip}. */
  static NDArray toTensor(NDManager manager, RgbImage chip, boolean flip) {
    int size = chip.width();
    int plane = size * size;
    float[] chw = new float[3 * plane];
    byte[] rgb = chip.rgb();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int from = (y * size + (flip ? size - 1 - x : x)) * 3;
        int to = y * size + x;
        for (int c = 0; c < 3; c++) {
          chw[c * plane + to] = (rgb[from + c] & 0xff) / 127.5f - 1f;
        }
      }
    }
    return manager.create(chw, new Shape(3, size, size));
  }

  /** The chip of one {@code [3, s, s]} tensor in [-1, 1] (values outside are clamped). */
  static RgbImage toImage(NDArray tensor) {
    int size = (int) tensor.getShape().get(2);
    int plane = size * size;
    float[] chw = tensor.toType(DataType.FLOAT32, false).toFloatArray();
    byte[] rgb = new byte[plane * 3];
    for (int pixel = 0; pixel < plane; pixel++) {
      for (int c = 0; c < 3; c++) {
        float value = (chw[c * plane + pixel] + 1f) * 127.5f;
        rgb[pixel * 3 + c] = (byte) Math.round(Math.max(0, Math.min(255, value)));
      }
    }
    return new RgbImage(size, size, rgb);
  }

  /**
   * The generator's input: images {@code [N, 3, s, s]} with each one's one-hot domain tiled into
   * {@code domains} extra channels.
   */
  static NDArray withDomains(NDArray images, int[] domainOfImage, int domains) {
    NDManager manager = images.getManager();
    long n = images.getShape().get(0);
    long size = images.getShape().get(2);
    NDArray oneHot = manager.create(domainOfImage).oneHot(domains).toType(DataType.FLOAT32, false);
    NDArray planes = oneHot.reshape(n, domains, 1, 1).tile(new long[] {1, 1, size, size});
    return images.concat(planes, 1);
  }
}
