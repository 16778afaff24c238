package facegate.eval;

import facegate.core.FaceKeypoints;
import facegate.pose.FaceView;
import facegate.pose.KeypointYaw;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * How a yaw estimate sorts labelled photos into views: for each pose label ({@code frontal}, {@code
 * profile} in CFP's poses.tsv) the counts called frontal, half, profile and unknown (no face or no
 * keypoints), on odd-numbered people, even-numbered people and all. Fits {@link KeypointYaw}'s
 * constant on the odd people and checks it on the even ones. Not thread-safe.
 */
public final class ViewConfusion {
  /** One photo: its person's number, its label, the keypoints (null if none), the 68-point yaw. */
  private record Photo(int person, String label, FaceKeypoints keypoints, double landmarkYaw) {}

  private final List<Photo> photos = new ArrayList<>();

  /**
   * @param person the person's number (CFP: 1..500)
   * @param keypoints null when the face or its keypoints were not found
   * @param landmarkYawDegrees the yaw the 68 landmarks give, NaN when unknown
   */
  public void add(int person, String label, FaceKeypoints keypoints, double landmarkYawDegrees) {
    photos.add(new Photo(person, label, keypoints, landmarkYawDegrees));
  }

  /**
   * The constant in {@code [0.50, 3.00]} (steps of 0.01) that calls the most odd-people photos by
   * their label (frontal frontal, profile profile); the smallest on ties.
   */
  public double fitOnOddPeople() {
    double best = Double.NaN;
    int bestCorrect = -1;
    for (int step = 50; step <= 300; step++) {
      KeypointYaw yaw = new KeypointYaw(step / 100.0);
      int correct = 0;
      for (Photo p : photos) {
        if (p.person() % 2 == 1 && p.label().equals(view(keypointYaw(yaw).applyAsDouble(p)))) {
          correct++;
        }
      }
      if (correct > bestCorrect) {
        bestCorrect = correct;
        best = step / 100.0;
      }
    }
    return best;
  }

  /** The tables of the keypoint yaw at {@code yaw} and of the 68-point yaw, one line per label. */
  public List<String> summary(KeypointYaw yaw) {
    List<String> lines = new ArrayList<>();
    ToDoubleFunction<Photo> keypoints = keypointYaw(yaw);
    lines.addAll(table("keypoints odd", keypoints, p -> p.person() % 2 == 1));
    lines.addAll(table("keypoints even", keypoints, p -> p.person() % 2 == 0));
    lines.addAll(table("keypoints all", keypoints, p -> true));
    lines.addAll(table("68-point all", Photo::landmarkYaw, p -> true));
    return lines;
  }

  private static ToDoubleFunction<Photo> keypointYaw(KeypointYaw yaw) {
    return p -> p.keypoints() == null ? Double.NaN : yaw.yawDegrees(p.keypoints());
  }

  private static String view(double yawDegrees) {
    return new FaceView(yawDegrees).view();
  }

  private List<String> table(String name, ToDoubleFunction<Photo> yaw, Predicate<Photo> people) {
    List<String> lines = new ArrayList<>();
    for (String label : List.of("frontal", "profile")) {
      int frontal = 0, half = 0, profile = 0, unknown = 0, right = 0;
      for (Photo p : photos) {
        if (!people.test(p) || !p.label().equals(label)) {
          continue;
        }
        double degrees = yaw.applyAsDouble(p);
        switch (view(degrees)) {
          case "frontal" -> frontal++;
          case "half" -> half++;
          case "profile" -> profile++;
          default -> unknown++;
        }
        right += degrees > 0 ? 1 : 0;
      }
      int images = frontal + half + profile + unknown;
      int asLabelled = label.equals("frontal") ? frontal : profile;
      lines.add(
          String.format(
              Locale.ROOT,
              "%s label=%s images=%d frontal=%d half=%d profile=%d unknown=%d as-labelled=%.4f"
                  + " yaw-positive=%d",
              name,
              label,
              images,
              frontal,
              half,
              profile,
              unknown,
              images == 0 ? Double.NaN : asLabelled / (double) images,
              right));
    }
    return lines;
  }
}
