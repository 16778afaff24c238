package facegate.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import facegate.core.FaceException;
import facegate.core.Match;
import facegate.core.Person;
import facegate.pipeline.Identification;
import facegate.pipeline.Verification;
import java.util.List;

/** The one-line JSON the gallery commands print: the same field names as the HTTP API's answers. */
final class JsonLine {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private JsonLine() {}

  record PersonLine(String id, String name, int templates, String enrolledAt) {}

  record CandidateLine(String id, String name, double score) {}

  /** {@code normalizedScore} is null (left out) when the decision was on the raw score. */
  record VerifyLine(
      boolean match,
      double score,
      double threshold,
      Double normalizedScore,
      double rawThreshold,
      boolean normalized) {}

  record IdentifyLine(boolean unknown, List<CandidateLine> candidates, double threshold) {}

  static String of(Person person) {
    return GSON.toJson(
        new PersonLine(
            person.id(), person.name(), person.templates(), person.enrolledAt().toString()));
  }

  static String of(Verification verification) {
    boolean normalized = verification.normalizedScore().isPresent();
    return GSON.toJson(
        new VerifyLine(
            verification.match(),
            verification.score(),
            verification.threshold(),
            normalized ? verification.normalizedScore().getAsDouble() : null,
            verification.rawThreshold(),
            normalized));
  }

  static String of(Identification identification) {
    return GSON.toJson(
        new IdentifyLine(
            identification.unknown(),
            identification.candidates().stream().map(JsonLine::candidate).toList(),
            identification.threshold()));
  }

  private static CandidateLine candidate(Match match) {
    return new CandidateLine(match.personId(), match.name(), match.score());
  }

  /** {@code {"code":..., "message":...}} for a facegate error. */
  static String error(FaceException e) {
    JsonObject object = new JsonObject();
    object.addProperty("code", e.errorCode().code());
    object.addProperty("message", e.getMessage());
    return GSON.toJson(object);
  }
}
