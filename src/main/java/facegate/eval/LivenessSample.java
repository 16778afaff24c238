package facegate.eval;

import java.util.Objects;

/**
 * One labelled frame of a liveness data set, described by its features.
 *
 * @param path the frame's path, relative to the data set
 * @param subject who is shown (folds never split a subject)
 * @param live true for a live face, false for a presentation attack
 * @param features the liveness detector's features of the frame's face (all finite)
 */
public record LivenessSample(String path, String subject, boolean live, double[] features) {
  public LivenessSample {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(subject, "subject");
    for (double feature : features) {
      if (!Double.isFinite(feature)) {
        throw new IllegalArgumentException("feature of " + path + " is not finite");
      }
    }
    features = features.clone();
  }

  @Override
  public double[] features() {
    return features.clone();
  }
}
