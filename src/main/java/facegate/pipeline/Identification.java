package facegate.pipeline;

import facegate.core.Match;
import java.util.List;

/**
 * The answer to "who is this?".
 *
 * @param unknown true when no candidate reaches the threshold (also for an empty gallery)
 * @param candidates the most similar enrolled people, best first, at most the requested number;
 *     candidates below the threshold are listed too, so callers can see how close they came
 * @param threshold the verify threshold the decision used
 */
public record Identification(boolean unknown, List<Match> candidates, double threshold) {
  public Identification {
    candidates = List.copyOf(candidates);
  }
}
