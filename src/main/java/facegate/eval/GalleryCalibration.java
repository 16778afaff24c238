package facegate.eval;

import facegate.core.Embedding;
import facegate.core.Person;
import facegate.gallery.CohortNormalizer;
import facegate.gallery.Gallery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Calibrates the normalised-score threshold from a deployment's own gallery: every pair of enrolled
 * people (each by their first template) is an impostor attempt, normalised as verify would
 * normalise it ({@link CohortNormalizer}, both people left out of the cohort), and the threshold is
 * the lowest one whose share of accepted impostor pairs is at most the target FAR. Genuine scores
 * are not needed for a FAR target, so one photo per person suffices.
 */
public final class GalleryCalibration {
  private GalleryCalibration() {}

  /**
   * The result.
   *
   * @param threshold accept when the normalised score is at least this
   * @param far the target false accept rate
   * @param impostorPairs how many pairs were scored
   * @param acceptedAtThreshold how many of them the threshold accepts
   * @param rawThresholdFar the share of pairs whose cosine reaches {@code rawThreshold}, for
   *     comparison
   */
  public record Result(
      double threshold,
      double far,
      int impostorPairs,
      int acceptedAtThreshold,
      double rawThresholdFar) {}

  /**
   * @param people at least 2 enrolled people
   * @param far in (0, 1)
   * @param rawThreshold the cosine threshold whose FAR is reported beside
   * @param maxPairs at most this many pairs (the first ones in id order), at least 1
   */
  public static Result calibrate(
      Gallery gallery, CohortNormalizer normalizer, double far, double rawThreshold, int maxPairs) {
    if (!(far > 0 && far < 1)) {
      throw new IllegalArgumentException("far must be in (0, 1): " + far);
    }
    List<Person> people = gallery.list(0, gallery.size()).people();
    if (people.size() < 2) {
      throw new IllegalArgumentException("calibrating from a gallery needs at least 2 people");
    }
    List<Embedding> templates = new ArrayList<>();
    for (Person person : people) {
      templates.add(gallery.templates(person.id()).orElseThrow().get(0));
    }
    List<Double> scores = new ArrayList<>();
    int rawAccepted = 0;
    for (int i = 0; i < people.size() && scores.size() < maxPairs; i++) {
      for (int j = i + 1; j < people.size() && scores.size() < maxPairs; j++) {
        double raw = templates.get(i).cosine(templates.get(j));
        rawAccepted += raw >= rawThreshold ? 1 : 0;
        Set<String> excluded = Set.of(people.get(i).id(), people.get(j).id());
        scores.add(
            normalizer.normalize(templates.get(i), templates.get(j), raw, excluded).normalized());
      }
    }
    double[] sorted = scores.stream().mapToDouble(Double::doubleValue).toArray();
    double threshold = thresholdAtFar(sorted, far);
    int accepted = (int) Arrays.stream(sorted).filter(s -> s >= threshold).count();
    return new Result(
        threshold, far, sorted.length, accepted, (double) rawAccepted / sorted.length);
  }

  /**
   * The lowest threshold at which at most {@code far} of {@code impostorScores} are accepted (score
   * ≥ threshold): just above the {@code floor(far * n) + 1}-th highest score.
   */
  static double thresholdAtFar(double[] impostorScores, double far) {
    double[] ascending = impostorScores.clone();
    Arrays.sort(ascending);
    int n = ascending.length;
    int allowed = (int) Math.floor(far * n);
    if (allowed >= n) {
      return ascending[0];
    }
    return Math.nextUp(ascending[n - 1 - allowed]);
  }
}
