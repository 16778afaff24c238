package facegate.eval;

import facegate.core.Embedding;
import facegate.core.FaceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Scores a pairs protocol with a face embedder: every distinct image is embedded once (in
 * parallel), each pair is scored by cosine, and a pair with an image whose face could not be found
 * or read is a failure, scored as a mismatch.
 */
public final class PairsEvaluation {
  private PairsEvaluation() {}

  /**
   * What an evaluation produced: the report, and per pair (in file order) the score, label, fold
   * and both embeddings (empty where no face was found), for plots, calibration and pair
   * classifiers.
   */
  public record Result(
      VerificationReport report,
      double[] scores,
      boolean[] same,
      int[] folds,
      List<Optional<Embedding>> left,
      List<Optional<Embedding>> right) {
    public Result {
      left = List.copyOf(left);
      right = List.copyOf(right);
    }
  }

  /**
   * @param embedder the embedding of an image's face, empty when no face is found; a {@link
   *     FaceException} (unreadable image) also counts as a failure
   * @param threads images embedded at once, at least 1
   * @param progress told the number of images done after each one
   */
  public static Result run(
      PairsProtocol protocol,
      Path images,
      Function<Path, Optional<Embedding>> embedder,
      int threads,
      IntConsumer progress) {
    Map<Path, Optional<Embedding>> embeddings =
        ParallelEmbedding.embedAll(protocol.images(images), embedder, threads, progress);
    List<PairsProtocol.Pair> pairs = protocol.pairs();
    double[] scores = new double[pairs.size()];
    boolean[] same = new boolean[pairs.size()];
    int[] folds = new int[pairs.size()];
    List<Optional<Embedding>> lefts = new ArrayList<>();
    List<Optional<Embedding>> rights = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < pairs.size(); i++) {
      PairsProtocol.Pair pair = pairs.get(i);
      Optional<Embedding> left = embeddings.get(pair.left(images));
      Optional<Embedding> right = embeddings.get(pair.right(images));
      lefts.add(left);
      rights.add(right);
      same[i] = pair.same();
      folds[i] = pair.fold();
      if (left.isPresent() && right.isPresent()) {
        scores[i] = left.get().cosine(right.get());
      } else {
        scores[i] = Double.NEGATIVE_INFINITY;
        failures++;
      }
    }
    VerificationReport report =
        VerificationMetrics.evaluate(scores, same, folds, protocol.folds(), failures);
    return new Result(report, scores, same, folds, lefts, rights);
  }
}
