package facegate.api;

import facegate.pipeline.Enrollment;
import facegate.pipeline.FaceService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Gallery management, admin key only: enroll, list, get and delete people. */
@RequiredRole(Role.ADMIN)
@Controller("/v1/people")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PeopleController {
  private final FaceService faces;
  private final DecisionRecorder decisions;
  private final boolean poseViewsByDefault;

  PeopleController(
      FaceService faces, DecisionRecorder decisions, FacegateConfiguration configuration) {
    this.faces = faces;
    this.decisions = decisions;
    this.poseViewsByDefault = configuration.enrollPoseViews();
  }

  /**
   * Enrolls a person from the largest face in {@code photo}; with {@code poseViews} true (default:
   * {@code facegate.enroll-pose-views}) its 3D re-renderings at six yaws are stored as templates
   * too.
   */
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<PersonBody> enroll(HttpRequest<?> request, @Body MultipartBody body) {
    FormParts parts = FormParts.read(body);
    boolean withViews = poseViews(parts.optionalText("poseViews").orElse(null), poseViewsByDefault);
    Enrollment enrollment =
        faces.enroll(
            parts.text("id"),
            parts.optionalText("name").orElse(null),
            parts.photo("photo"),
            withViews);
    decisions.enrolled(request, enrollment.person());
    return HttpResponse.created(PersonBody.of(enrollment));
  }

  /** The {@code poseViews} part: {@code true} or {@code false}; absent or empty: the default. */
  static boolean poseViews(String part, boolean byDefault) {
    return FormParts.flag("poseViews", part, byDefault);
  }

  @Get
  public PeoplePage list(
      @QueryValue(defaultValue = "0") int offset, @QueryValue(defaultValue = "50") int limit) {
    return PeoplePage.of(faces.people(offset, limit), offset, limit);
  }

  @Get("/{id}")
  public PersonBody get(@PathVariable String id) {
    return PersonBody.of(faces.person(id));
  }

  @Delete("/{id}")
  @Status(HttpStatus.NO_CONTENT)
  public void delete(HttpRequest<?> request, @PathVariable String id) {
    faces.remove(id);
    decisions.deleted(request, id);
  }
}
