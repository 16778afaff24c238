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
 * has the highest score, a person's score coming from their templates by a {@link Rule}. Reported
 * per band of the probe's estimated |yaw| and rule, with the mean score of the probe to its own
 * person.
 */
public final class PoseEnrollmentEvaluation {
  /**
   * One gallery person: the photo's template first, then any pose-view templates with the yaw each
   * was made at (degrees, sign as {@code HeadPose#yawDegrees()}); {@code viewYaws} is empty when
   * the views' yaws are unknown (e.g. the pose GAN's domains), which leaves out the yaw-matched
   * rules.
   */
  public record Enrolled(
      String identity, Embedding photo, List<Embedding> views, List<Double> viewYaws) {
    public Enrolled {
      views = List.copyOf(views);
      viewYaws = List.copyOf(viewYaws);
      if (!viewYaws.isEmpty() && viewYaws.size() != views.size()) {
        throw new IllegalArgumentException(
            views.size() + " views but " + viewYaws.size() + " view yaws for " + identity);
      }
    }

    /** Views whose yaws are unknown. */
    public Enrolled(String identity, Embedding photo, List<Embedding> views) {
      this(identity, photo, views, List.of());
    }
  }

  /** How a person's score for a probe comes from their templates. */
  public enum Rule {
    /** The photo's template alone. */
    PHOTO("photo only"),
    /** The best cosine over the photo and every view (what the service does). */
    ALL_VIEWS("photo + all views, best"),
    /**
     * The cosine to the one template made nearest the probe's estimated yaw, the photo counting as
     * made at 0°.
     */
    NEAREST_YAW("template nearest the probe's yaw"),
    /**
     * The best of the photo's cosine and that of the view nearest the probe's estimated yaw; the
     * photo's alone when the probe's yaw is nearer 0° than any view's.
     */
    PHOTO_OR_NEAREST_VIEW("photo or the view nearest the probe's yaw, best");

    private final String label;

    Rule(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    boolean needsViewYaws() {
      return this == NEAREST_YAW || this == PHOTO_OR_NEAREST_VIEW;
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
  public record Band(String band, Rule rule, int probes, double rank1, double meanGenuine) {
    /** Whether the rule uses any pose view. */
    public boolean withViews() {
      return rule != Rule.PHOTO;
    }
  }

  private static final Map<String, DoublePredicate> BANDS = new LinkedHashMap<>();

  static {
    BANDS.put("|yaw| 25-45", yaw -> yaw >= 25 && yaw < 45);
    BANDS.put("|yaw| >= 45", yaw -> yaw >= 45);
    BANDS.put("all turned (|yaw| >= 25)", yaw -> yaw >= 25);
    BANDS.put("frontal (|yaw| < 15)", yaw -> yaw < 15);
  }

  private PoseEnrollmentEvaluation() {}

  /**
   * Every rule in each band, bands with no probe left out; the yaw-matched rules only when every
   * person's view yaws are known.
   */
  public static List<Band> evaluate(List<Enrolled> gallery, List<Probe> probes) {
    boolean yawsKnown =
        gallery.stream().allMatch(p -> p.views().isEmpty() || !p.viewYaws().isEmpty());
    List<Rule> rules =
        java.util.Arrays.stream(Rule.values())
            .filter(r -> yawsKnown || !r.needsViewYaws())
            .toList();
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
      for (Rule rule : rules) {
        int hits = 0;
        double genuine = 0;
        for (Probe probe : inBand) {
          String best = null;
          double bestScore = Double.NEGATIVE_INFINITY;
          double own = Double.NaN;
          for (Enrolled person : gallery) {
            double score = score(person, probe, rule);
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
                rule,
                inBand.size(),
                hits / (double) inBand.size(),
                genuine / inBand.size()));
      }
    }
    return bands;
  }

  private static double score(Enrolled person, Probe probe, Rule rule) {
    double photo = person.photo().cosine(probe.embedding());
    return switch (rule) {
      case PHOTO -> photo;
      case ALL_VIEWS -> {
        double best = photo;
        for (Embedding view : person.views()) {
          best = Math.max(best, view.cosine(probe.embedding()));
        }
        yield best;
      }
      case NEAREST_YAW, PHOTO_OR_NEAREST_VIEW -> {
        int nearest = -1;
        double distance = Math.abs(probe.yawDegrees());
        for (int i = 0; i < person.views().size(); i++) {
          double d = Math.abs(person.viewYaws().get(i) - probe.yawDegrees());
          if (d < distance) {
            distance = d;
            nearest = i;
          }
        }
        if (nearest < 0) {
          yield photo;
        }
        double view = person.views().get(nearest).cosine(probe.embedding());
        yield rule == Rule.NEAREST_YAW ? view : Math.max(photo, view);
      }
    };
  }
}
