package facegate.train;

import facegate.embed.DjlFaceEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a held-out fold (person-disjoint from training) with saved models, loaded the way the
 * service loads them: the trained model at its validation threshold, and a base model at the
 * threshold it gets on the same validation pairs. An image without a cached face scores NaN and
 * counts as a mismatch.
 */
public final class HeldOutTest {
  private HeldOutTest() {}

  /**
   * A held-out fold as the crop cache names its images.
   *
   * @param left each pair's first image file
   * @param right each pair's second image file
   * @param same whether each pair shows one person; as long as {@code left} and {@code right}
   */
  public record Pairs(List<String> left, List<String> right, boolean[] same) {
    public Pairs {
      left = List.copyOf(left);
      right = List.copyOf(right);
      same = same.clone();
      if (left.size() != right.size() || left.size() != same.length) {
        throw new IllegalArgumentException(
            "left, right and same differ in length: "
                + left.size()
                + ", "
                + right.size()
                + ", "
                + same.length);
      }
    }
  }

  /**
   * Accuracy and threshold of one model on the fold.
   *
   * @param accuracy fraction of pairs decided correctly at {@code threshold}
   * @param threshold the cosine threshold used
   */
  public record Score(double accuracy, double threshold) {}

  /** The model in {@code modelDir} on {@code pairs} at {@code threshold}. */
  public static Score trained(
      Path modelDir, List<FaceSample> samples, Pairs pairs, double threshold) {
    try (DjlFaceEmbedder embedder = DjlFaceEmbedder.load(modelDir, 1, 32)) {
      double[] scores = PairScoring.score(embedder, samples, pairs.left(), pairs.right());
      return new Score(ThresholdAccuracy.accuracy(scores, pairs.same(), threshold), threshold);
    }
  }

  /**
   * The model in {@code baseModel} on {@code pairs}, at its accuracy-optimal threshold on the
   * validation pairs training used ({@code validationPairs} same-person pairs drawn with {@code
   * seed + 2}, as {@link EmbeddingTrainer} draws them).
   */
  public static Score base(
      Path baseModel,
      List<FaceSample> samples,
      Pairs pairs,
      IdentitySplit split,
      int validationPairs,
      long seed) {
    VerificationPairs validation =
        VerificationPairs.sample(split.validation(), validationPairs, seed + 2);
    List<String> validationLeft = new ArrayList<>();
    List<String> validationRight = new ArrayList<>();
    for (int i = 0; i < validation.size(); i++) {
      validationLeft.add(split.validation().get(validation.left()[i]).source());
      validationRight.add(split.validation().get(validation.right()[i]).source());
    }
    try (DjlFaceEmbedder base = DjlFaceEmbedder.load(baseModel, 1, 32)) {
      double threshold =
          ThresholdAccuracy.bestThreshold(
              PairScoring.score(base, split.validation(), validationLeft, validationRight),
              validation.same());
      double accuracy =
          ThresholdAccuracy.accuracy(
              PairScoring.score(base, samples, pairs.left(), pairs.right()),
              pairs.same(),
              threshold);
      return new Score(accuracy, threshold);
    }
  }
}
