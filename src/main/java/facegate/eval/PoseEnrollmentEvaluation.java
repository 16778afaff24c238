package facegate.eval;

import facegate.core.Embedding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Closed-set identification of turned probes against a one-shot gallery, with and without pose
 * views among each person's templates: a probe is identified correctly (rank 1) when its own person
 * has the highest score, a person's score being the best cosine over their templates. Reported per
 * band of the probe's estimated |yaw|, with the mean best cosine of the probe to its own person.
 */
public final class PoseEnrollmentEvaluation {
  /** One gallery person: the photo's template first, then any pose-view templates. */
  public record Enrolled(String identity, Embedding photo, List<Embedding> views) {
    public Enrolled {
      views = List.copyOf(views);
    }
  }

  /** A probe photo of an enrolled person, with its estimated yaw in degrees. */
  public record Probe(String identity, double yawDegrees, Embedding embedding) {}

  /**
   * One band's result for one way of enrolling.
   *
   * @param probes probes whose |yaw| is in the band
   * @param rank1 fraction identified at rank 1
   * @param meanGenuine mean over those probes of the best cosine to their own person's templates
   */
  public record Band(
      String band, boolean withViews, int probes, double rank1, double meanGenuine) {}

  private static final Map<String, DoublePredicate> BANDS = new LinkedHashMap<>();

  static {
    BANDS.put("|yaw| 25-45", yaw -> yaw >= 25 && yaw < 45);
    BANDS.put("|yaw| >= 45", yaw -> yaw >= 45);
    BANDS.put("all turned (|yaw| >= 25)", yaw -> yaw >= 25);
    BANDS.put("frontal (|yaw| < 15)", yaw -> yaw < 15);
  }

  private PoseEnrollmentEvaluation() {}

  /** Both enrollments (photo only, photo plus views) in each band, bands with no probe left out. */
  public static List<Band> evaluate(List<Enrolled> gallery, List<Probe> probes) {
    java.util.Set<String> enrolled = new java.util.HashSet<>();
    gallery.forEach(person -> enrolled.add(person.identity()));
    for (Probe probe : probes) {
      if (!enrolled.contains(probe.identity())) {
        throw new IllegalArgumentException(
            "probe of " + probe.identity() + ", who is not enrolled");
      }
    }
    List<Band> bands = new ArrayList<>();
    for (Map.Entry<String, DoublePredicate> band : BANDS.entrySet()) {
      List<Probe> inBand =
          probes.stream().filter(p -> band.getValue().test(Math.abs(p.yawDegrees()))).toList();
      if (inBand.isEmpty()) {
        continue;
      }
      for (boolean withViews : new boolean[] {false, true}) {
        int hits = 0;
        double genuine = 0;
        for (Probe probe : inBand) {
          String best = null;
          double bestScore = Double.NEGATIVE_INFINITY;
          double own = Double.NaN;
          for (Enrolled person : gallery) {
            double score = score(person, probe.embedding(), withViews);
            if (person.identity().equals(probe.identity())) {
              own = score;
            }
            if (score > bestScore) {
              bestScore = score;
              best = person.identity();
            }
          }
          if (probe.identity().equals(best)) {
            hits++;
          }
          genuine += own;
        }
        bands.add(
            new Band(
                band.getKey(),
                withViews,
                inBand.size(),
                hits / (double) inBand.size(),
                genuine / inBand.size()));
      }
    }
    return bands;
  }

  private static double score(Enrolled person, Embedding probe, boolean withViews) {
    double best = person.photo().cosine(probe);
    if (withViews) {
      for (Embedding view : person.views()) {
        best = Math.max(best, view.cosine(probe));
      }
    }
    return best;
  }
}
