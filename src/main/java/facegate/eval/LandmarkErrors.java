package facegate.eval;

import facegate.core.Landmarks;
import facegate.core.ProfilePoints;
import facegate.core.ProfilePoints.Part;
import facegate.core.ProfilePoints.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Landmark error against hand-marked fiducials, per pose label: for each photo, the distance
 * between each located {@link Part} (from the 68 points, on the side the fiducials mark) and the
 * marked one, divided by the fiducials' {@link CfpFiducials#faceSize()}; the photo's error is the
 * mean over the parts both have (the 68 points have no ear). A photo whose face was not found has
 * no error and is counted apart. Also counts how often a yaw estimate calls the face a profile
 * ({@code |yaw| >= profileYawDegrees}) and turns it the way the fiducials do. Not thread-safe.
 */
public final class LandmarkErrors {
  private final double profileYawDegrees;
  private final Map<String, Tally> tallies = new LinkedHashMap<>();

  /**
   * @param profileYawDegrees |yaw| from which a face counts as a profile, in (0, 90]
   */
  public LandmarkErrors(double profileYawDegrees) {
    if (!(profileYawDegrees > 0 && profileYawDegrees <= 90)) {
      throw new IllegalArgumentException("profile yaw must be in (0, 90]: " + profileYawDegrees);
    }
    this.profileYawDegrees = profileYawDegrees;
  }

  private static final class Tally {
    int images;
    int noFace;
    int calledProfile;
    int facingAgrees;
    final List<Double> photoErrors = new ArrayList<>();
    final Map<Part, List<Double>> partErrors = new EnumMap<>(Part.class);
  }

  /** A photo whose face was not found. */
  public void addMissing(String label) {
    Tally t = tally(label);
    t.images++;
    t.noFace++;
  }

  /**
   * A photo's located landmarks against its fiducials.
   *
   * @param yawDegrees the yaw estimated from {@code landmarks} (positive: nose towards the image's
   *     right), NaN when unknown
   * @return the photo's normalised error
   */
  public double add(String label, CfpFiducials truth, Landmarks landmarks, double yawDegrees) {
    return add(
        label, truth, ProfilePoints.fromLandmarks(landmarks, truth.facingRight()), yawDegrees);
  }

  /**
   * A photo's located profile points (e.g. {@link ProfilePoints#fromKeypoints}) against its
   * fiducials; the ear counts on photos labelled {@code profile} only (the frontal fiducials mark
   * no tragion).
   *
   * @return the photo's normalised error
   */
  public double add(String label, CfpFiducials truth, ProfilePoints located, double yawDegrees) {
    ProfilePoints marked = truth.profilePoints("profile".equals(label));
    Tally t = tally(label);
    t.images++;
    if (Math.abs(yawDegrees) >= profileYawDegrees) {
      t.calledProfile++;
    }
    if (yawDegrees > 0 == truth.facingRight()) {
      t.facingAgrees++;
    }
    double size = truth.faceSize();
    double sum = 0;
    int n = 0;
    for (Map.Entry<Part, Point> e : marked.points().entrySet()) {
      Point p = located.get(e.getKey());
      if (p == null) {
        continue;
      }
      double error = Math.hypot(p.x() - e.getValue().x(), p.y() - e.getValue().y()) / size;
      t.partErrors.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(error);
      sum += error;
      n++;
    }
    t.photoErrors.add(sum / n);
    return sum / n;
  }

  private Tally tally(String label) {
    return tallies.computeIfAbsent(label, l -> new Tally());
  }

  /**
   * One line per label: {@code pose=… images=… no-face=… mean=… median=… p90=… over0.1=…
   * called-profile=… facing-agrees=…}, then one per label and part {@code pose=… part=… mean=…
   * median=…}; errors are fractions of the face size.
   */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      double[] errors = sorted(t.photoErrors);
      long over = Arrays.stream(errors).filter(v -> v > 0.1).count();
      int located = errors.length;
      lines.add(
          String.format(
              Locale.ROOT,
              "pose=%s images=%d no-face=%d mean=%.4f median=%.4f p90=%.4f over0.1=%.4f"
                  + " called-profile=%.4f facing-agrees=%.4f",
              e.getKey(),
              t.images,
              t.noFace,
              Arrays.stream(errors).average().orElse(Double.NaN),
              quantile(errors, 0.5),
              quantile(errors, 0.9),
              over / (double) located,
              t.calledProfile / (double) located,
              t.facingAgrees / (double) located));
    }
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      for (Map.Entry<Part, List<Double>> p : e.getValue().partErrors.entrySet()) {
        double[] errors = sorted(p.getValue());
        lines.add(
            String.format(
                Locale.ROOT,
                "pose=%s part=%s mean=%.4f median=%.4f",
                e.getKey(),
                p.getKey().name().toLowerCase(Locale.ROOT),
                Arrays.stream(errors).average().orElse(Double.NaN),
                quantile(errors, 0.5)));
      }
    }
    return lines;
  }

  private static double[] sorted(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v;
  }

  /** The {@code q} quantile of sorted values (nearest rank); NaN when empty. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }
}
