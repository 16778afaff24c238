package facegate.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import facegate.core.FaceException;
import facegate.core.Match;
import facegate.core.Person;
import facegate.pipeline.Enrollment;
import facegate.pipeline.Identification;
import facegate.pipeline.Verification;
import facegate.pose.FaceView;
import java.util.List;

/** The one-line JSON the gallery commands print: the same field names as the HTTP API's answers. */
final class JsonLine {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private JsonLine() {}

  record PersonLine(
      String id, String name, int templates, String enrolledAt, String view, Double yawDegrees) {}

  record CandidateLine(String id, String name, double score) {}

  /** {@code normalizedScore} is null (left out) when the decision was on the raw score. */
  record VerifyLine(
      boolean match,
      double score,
      double threshold,
      Double normalizedScore,
      double rawThreshold,
      boolean normalized,
      String view,
      Double yawDegrees,
      String otherView,
      Double otherYawDegrees) {}

  record IdentifyLine(
      boolean unknown,
      List<CandidateLine> candidates,
      double threshold,
      String view,
      Double yawDegrees) {}

  /** As the API's enroll answer: the person and the enrolled face's view. */
  static String of(Enrollment enrollment) {
    Person person = enrollment.person();
    return GSON.toJson(
        new PersonLine(
            person.id(),
            person.name(),
            person.templates(),
            person.enrolledAt().toString(),
            name(enrollment.view()),
            yaw(enrollment.view())));
  }

  /** The view's name, null (left out) when {@code view} is null. */
  private static String name(FaceView view) {
    return view == null ? null : view.view();
  }

  /** The yaw rounded to 0.1 degree, null (left out) when unknown, as the API shows it. */
  private static Double yaw(FaceView view) {
    return view == null ? null : view.roundedYawDegrees();
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
            normalized,
            name(verification.view()),
            yaw(verification.view()),
            name(verification.otherView()),
            yaw(verification.otherView())));
  }

  static String of(Identification identification) {
    return GSON.toJson(
        new IdentifyLine(
            identification.unknown(),
            identification.candidates().stream().map(JsonLine::candidate).toList(),
            identification.threshold(),
            name(identification.view()),
            yaw(identification.view())));
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
