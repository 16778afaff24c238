package facegate.pipeline;

import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Liveness;
import facegate.core.LivenessDetector;
import java.util.Locale;
import java.util.Objects;

/**
 * Passive liveness of a photo's largest face (the face verify and identify would use): decode,
 * detect, then the {@link LivenessDetector}'s score against a threshold. Thread-safe when the
 * recognizer and detector are. {@link Composition#liveness} builds the standard one.
 *
 * <p>Bad bytes fail with the decoder's codes and a photo without a face with {@code no_face}, as
 * verify does. A {@link ProbePhoto} shared with verify or identify is decoded and detected once for
 * both.
 */
public final class LivenessCheck {
  private final FaceRecognizer recognizer;
  private final LivenessDetector detector;
  private final double threshold;

  /**
   * @param threshold the score a live face needs, in [0, 1]
   */
  public LivenessCheck(FaceRecognizer recognizer, LivenessDetector detector, double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new FaceException(
          ErrorCode.CONFIGURATION_INVALID,
          "the liveness threshold must lie in [0, 1], got " + threshold);
    }
    this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
    this.detector = Objects.requireNonNull(detector, "detector");
    this.threshold = threshold;
  }

  public double threshold() {
    return threshold;
  }

  /** The liveness of {@code photo}'s largest face. */
  public LivenessDecision check(byte[] photo) {
    return check(ProbePhoto.of(photo));
  }

  /**
   * The liveness of {@code photo}'s largest face, decoded and detected only if no earlier step has
   * done so; the face found here is the one a later verify or identify of {@code photo} embeds.
   */
  public LivenessDecision check(ProbePhoto photo) {
    ProbePhoto.Detected found = recognizer.detectLargest(photo);
    Liveness liveness = detector.assess(found.image(), found.face());
    return new LivenessDecision(liveness.score(), threshold, liveness.region());
  }

  /**
   * Refuses a decision that is not live.
   *
   * @throws FaceException {@code presentation_attack} (403) for a face judged not live
   */
  public static void requireLive(LivenessDecision decision) {
    if (!decision.live()) {
      throw new FaceException(
          ErrorCode.PRESENTATION_ATTACK,
          String.format(
              Locale.ROOT,
              "the photo looks like a presentation attack (liveness score %.4f < threshold %.4f):"
                  + " present the live face to the camera",
              decision.score(),
              decision.threshold()));
    }
  }
}
