package facegate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import facegate.core.Match;
import facegate.pipeline.Identification;
import facegate.pipeline.LivenessDecision;
import facegate.pipeline.Verification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The JSON answers of {@code /v1/verify} and {@code /v1/identify}. */
final class RecognitionBodies {
  private RecognitionBodies() {}

  /**
   * {@code POST /v1/verify}: whether the faces match, the cosine score and the threshold used; with
   * normalisation on, the decision is {@code normalizedScore >= threshold} and {@code rawThreshold}
   * is the cosine threshold a decision on {@code score} would use ({@code normalizedScore} is null
   * and {@code rawThreshold} equals {@code threshold} when normalisation is off). The probe's
   * {@code view} and {@code yawDegrees} ({@link ViewFields}), and for two photos the second's
   * {@code otherView} and {@code otherYawDegrees} (left out against an enrolled person). The
   * liveness decision when liveness was checked (left out otherwise).
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record VerifyBody(
      boolean match,
      double score,
      double threshold,
      Double normalizedScore,
      double rawThreshold,
      boolean normalized,
      String view,
      @Nullable Double yawDegrees,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String otherView,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double otherYawDegrees,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable LivenessBody liveness) {
    static VerifyBody of(Verification verification, LivenessDecision liveness) {
      boolean normalized = verification.normalizedScore().isPresent();
      return new VerifyBody(
          verification.match(),
          verification.score(),
          verification.threshold(),
          normalized ? verification.normalizedScore().getAsDouble() : null,
          verification.rawThreshold(),
          normalized,
          ViewFields.name(verification.view()),
          ViewFields.yaw(verification.view()),
          ViewFields.name(verification.otherView()),
          ViewFields.yaw(verification.otherView()),
          liveness == null ? null : LivenessBody.of(liveness));
    }
  }

  /** One identification candidate. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record CandidateBody(String id, String name, double score) {
    static CandidateBody of(Match match) {
      return new CandidateBody(match.personId(), match.name(), match.score());
    }
  }

  /**
   * {@code POST /v1/identify}: candidates best first; unknown when none reaches the threshold; the
   * probe's {@code view} and {@code yawDegrees} ({@link ViewFields}); the liveness decision when
   * liveness was checked (left out otherwise).
   */
  @Serdeable
  public record IdentifyBody(
      boolean unknown,
      List<CandidateBody> candidates,
      double threshold,
      String view,
      @Nullable Double yawDegrees,
      @Nullable LivenessBody liveness) {
    static IdentifyBody of(Identification identification, LivenessDecision liveness) {
      return new IdentifyBody(
          identification.unknown(),
          identification.candidates().stream().map(CandidateBody::of).toList(),
          identification.threshold(),
          ViewFields.name(identification.view()),
          ViewFields.yaw(identification.view()),
          liveness == null ? null : LivenessBody.of(liveness));
    }
  }
}
