package facegate.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import facegate.core.RgbImage;
import facegate.embed.TrainableNetwork;
import facegate.vision.FaceAligner;
import facegate.vision.Mirror;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds chips with a network being trained, in inference mode, the way the pipeline does: the
 * normalised sum of the embeddings of the chip and of its mirror image.
 */
final class NetworkScorer {
  private static final int BATCH = 32;

  private NetworkScorer() {}

  /** Unit-length embeddings of {@code chips}, in order. */
  static float[][] embed(Trainer trainer, TrainableNetwork network, List<RgbImage> chips) {
    float[][] out = new float[chips.size()][];
    for (int start = 0; start < chips.size(); start += BATCH) {
      int end = Math.min(chips.size(), start + BATCH);
      try (NDManager manager = trainer.getManager().newSubManager()) {
        List<NDArray> inputs = new ArrayList<>();
        for (RgbImage chip : chips.subList(start, end)) {
          RgbImage resized = FaceAligner.resampled(chip, network.inputSize());
          inputs.add(network.toInput(manager, resized));
          inputs.add(network.toInput(manager, Mirror.horizontal(resized)));
        }
        NDArray batch = ai.djl.ndarray.NDArrays.stack(new NDList(inputs));
        float[] raw = trainer.evaluate(new NDList(batch)).singletonOrThrow().toFloatArray();
        int dimension = raw.length / inputs.size();
        for (int i = 0; i < end - start; i++) {
          float[] sum = new float[dimension];
          double norm = 0;
          for (int d = 0; d < dimension; d++) {
            sum[d] = raw[(2 * i) * dimension + d] + raw[(2 * i + 1) * dimension + d];
            norm += sum[d] * sum[d];
          }
          float inverse = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
          for (int d = 0; d < dimension; d++) {
            sum[d] *= inverse;
          }
          out[start + i] = sum;
        }
      }
    }
    return out;
  }

  /** Cosine scores of pairs of embeddings; a null embedding gives NaN. */
  static double[] scores(float[][] embeddings, int[] left, int[] right) {
    double[] scores = new double[left.length];
    for (int i = 0; i < left.length; i++) {
      float[] a = left[i] < 0 ? null : embeddings[left[i]];
      float[] b = right[i] < 0 ? null : embeddings[right[i]];
      if (a == null || b == null) {
        scores[i] = Double.NaN;
        continue;
      }
      double dot = 0;
      for (int d = 0; d < a.length; d++) {
        dot += a[d] * b[d];
      }
      scores[i] = dot;
    }
    return scores;
  }
}
