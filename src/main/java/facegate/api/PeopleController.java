package facegate.api;

import facegate.pipeline.FaceService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;

/** Gallery management, admin key only: enroll, list, get and delete people. */
@Controller("/v1/people")
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PeopleController {
  private final FaceService faces;

  public PeopleController(FaceService faces) {
    this.faces = faces;
  }

  /** Enrolls a person from the largest face in {@code photo}. */
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  public HttpResponse<PersonBody> enroll(
      @Part("photo") CompletedFileUpload photo,
      @Part("id") String id,
      @Part("name") @Nullable String name)
      throws IOException {
    return HttpResponse.created(PersonBody.of(faces.enroll(id, name, photo.getBytes())));
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
  public void delete(@PathVariable String id) {
    faces.remove(id);
  }
}
