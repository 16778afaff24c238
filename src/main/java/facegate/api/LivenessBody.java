package facegate.api;

import facegate.pipeline.LivenessDecision;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The liveness check's answer: whether the face was judged live, its score in [0, 1] and the
 * threshold it was compared with (live when {@code score >= threshold}).
 */
@Serdeable
public record LivenessBody(boolean live, double score, double threshold) {
  static LivenessBody of(LivenessDecision decision) {
    return new LivenessBody(decision.live(), decision.score(), decision.threshold());
  }
}
