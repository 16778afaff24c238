package facegate.pipeline;

import facegate.core.Match;
import facegate.pose.FaceView;
import java.util.List;

/**
 * The answer to "who is this?".
 *
 * @param unknown true when no candidate reaches the threshold (also for an empty gallery)
 * @param candidates the most similar enrolled people, best first, at most the requested number;
 *     candidates below the threshold are listed too, so callers can see how close they came
 * @param threshold the verify threshold the decision used
 * @param view the probe's face view
 */
public record Identification(
    boolean unknown, List<Match> candidates, double threshold, FaceView view) {
  public Identification {
    candidates = List.copyOf(candidates);
    java.util.Objects.requireNonNull(view, "view");
  }
}
