package facegate.eval;

import facegate.core.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How far the score of a probe embedded from its chip alone lies from the score of the same probe
 * embedded with its mirror image (the pipeline's full embedding), against a full-embedding
 * template; and what a verify rule that re-scores only probes within a margin of the threshold
 * would decide. Each pair with faces on both sides gives two probe-template combinations (either
 * image as the probe).
 *
 * <p>The margin is a quantile of the absolute score differences. Its cost and safety are
 * cross-validated over the pairs' folds: each fold is judged with the margin chosen on the others.
 */
public final class SingleViewMargin {
  /**
   * @param margin the quantile of |single-view score - full score| over all combinations
   * @param quantile the quantile used
   * @param combinations probe-template combinations measured
   * @param meanAbsDifference mean |single-view score - full score|
   * @param maxAbsDifference largest |single-view score - full score|
   * @param secondLookRate share of combinations re-scored with the mirrored chip (single-view score
   *     within the fold's margin of the threshold)
   * @param flips combinations whose decision differs from the full embedding's at the threshold
   * @param singleOnlyFlips the same count when the single-view score always decides
   * @param fullAccuracy accuracy at the threshold of the full embedding, over the combinations
   * @param marginAccuracy accuracy of the margin rule
   * @param singleOnlyAccuracy accuracy when the single-view score always decides
   */
  public record Report(
      double margin,
      double quantile,
      int combinations,
      double meanAbsDifference,
      double maxAbsDifference,
      double secondLookRate,
      int flips,
      int singleOnlyFlips,
      double fullAccuracy,
      double marginAccuracy,
      double singleOnlyAccuracy) {}

  /** One probe-template combination: its fold, label and both scores. */
  private record Combination(int fold, boolean same, double single, double full) {
    double difference() {
      return Math.abs(single - full);
    }
  }

  /** The score of a probe against a template: the cosine, or a normalised score. */
  @FunctionalInterface
  public interface Scorer {
    double score(Embedding probe, Embedding template);
  }

  private SingleViewMargin() {}

  /**
   * @param full the pairs scored with the full (mirror-summed) embeddings
   * @param single the same pairs, in the same order, scored with single-view embeddings
   * @param threshold the verify threshold the decisions use
   * @param quantile in (0, 1], e.g. 0.999
   * @throws IllegalArgumentException when the two results differ in length or no pair has faces on
   *     both sides in both
   */
  public static Report measure(
      PairsEvaluation.Result full,
      PairsEvaluation.Result single,
      double threshold,
      double quantile) {
    return measure(full, single, threshold, quantile, Embedding::cosine);
  }

  /**
   * {@link #measure(PairsEvaluation.Result, PairsEvaluation.Result, double, double)} on the scores
   * {@code scorer} gives (e.g. cohort-normalised ones, {@link NormalizedPairScorer}): per pair, the
   * full score is {@code scorer(left, right)} and each image's single view is scored as the probe
   * against the other image's full embedding.
   *
   * @param threshold on {@code scorer}'s scale
   */
  public static Report measure(
      PairsEvaluation.Result full,
      PairsEvaluation.Result single,
      double threshold,
      double quantile,
      Scorer scorer) {
    return measure(combinations(full, single, scorer), threshold, quantile);
  }

  /**
   * {@link #measure(PairsEvaluation.Result, PairsEvaluation.Result, double, double)} on
   * combinations given directly: per combination its fold (from 0), label, single-view score and
   * full score.
   */
  static Report measure(
      int[] folds,
      boolean[] same,
      double[] single,
      double[] full,
      double threshold,
      double quantile) {
    List<Combination> combinations = new ArrayList<>();
    for (int i = 0; i < folds.length; i++) {
      combinations.add(new Combination(folds[i], same[i], single[i], full[i]));
    }
    return measure(combinations, threshold, quantile);
  }

  private static Report measure(List<Combination> combinations, double threshold, double quantile) {
    if (!(quantile > 0 && quantile <= 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1], got " + quantile);
    }
    if (combinations.isEmpty()) {
      throw new IllegalArgumentException("no pair has a face on both sides in both evaluations");
    }
    int folds = combinations.stream().mapToInt(Combination::fold).max().orElse(0) + 1;
    int secondLooks = 0, flips = 0, singleOnlyFlips = 0;
    int fullRight = 0, marginRight = 0, singleRight = 0;
    double sum = 0, max = 0;
    for (int fold = 0; fold < folds; fold++) {
      int held = fold;
      List<Combination> others = combinations.stream().filter(c -> c.fold() != held).toList();
      double margin = quantile(others.isEmpty() ? combinations : others, quantile);
      for (Combination c : combinations) {
        if (c.fold() != fold) {
          continue;
        }
        boolean fullMatch = c.full() >= threshold;
        boolean singleMatch = c.single() >= threshold;
        boolean secondLook = Math.abs(c.single() - threshold) < margin;
        boolean marginMatch = secondLook ? fullMatch : singleMatch;
        secondLooks += secondLook ? 1 : 0;
        flips += marginMatch != fullMatch ? 1 : 0;
        singleOnlyFlips += singleMatch != fullMatch ? 1 : 0;
        fullRight += fullMatch == c.same() ? 1 : 0;
        marginRight += marginMatch == c.same() ? 1 : 0;
        singleRight += singleMatch == c.same() ? 1 : 0;
        sum += c.difference();
        max = Math.max(max, c.difference());
      }
    }
    double n = combinations.size();
    return new Report(
        quantile(combinations, quantile),
        quantile,
        combinations.size(),
        sum / n,
        max,
        secondLooks / n,
        flips,
        singleOnlyFlips,
        fullRight / n,
        marginRight / n,
        singleRight / n);
  }

  private static List<Combination> combinations(
      PairsEvaluation.Result full, PairsEvaluation.Result single, Scorer scorer) {
    if (full.scores().length != single.scores().length) {
      throw new IllegalArgumentException(
          "the evaluations differ: " + full.scores().length + " vs " + single.scores().length);
    }
    List<Combination> combinations = new ArrayList<>();
    for (int i = 0; i < full.scores().length; i++) {
      Optional<Embedding> left = full.left().get(i), right = full.right().get(i);
      Optional<Embedding> singleLeft = single.left().get(i), singleRight = single.right().get(i);
      if (left.isEmpty() || right.isEmpty() || singleLeft.isEmpty() || singleRight.isEmpty()) {
        continue;
      }
      double leftProbe = scorer.score(left.get(), right.get());
      double rightProbe = scorer.score(right.get(), left.get());
      int fold = full.folds()[i];
      boolean same = full.same()[i];
      combinations.add(
          new Combination(fold, same, scorer.score(singleLeft.get(), right.get()), leftProbe));
      combinations.add(
          new Combination(fold, same, scorer.score(singleRight.get(), left.get()), rightProbe));
    }
    return combinations;
  }

  /** The {@code q}-quantile (nearest rank) of the combinations' absolute differences. */
  private static double quantile(List<Combination> combinations, double q) {
    double[] differences =
        combinations.stream().mapToDouble(Combination::difference).sorted().toArray();
    int rank = (int) Math.ceil(q * differences.length);
    return differences[Math.max(0, Math.min(differences.length - 1, rank - 1))];
  }
}
