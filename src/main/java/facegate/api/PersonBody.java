package facegate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import facegate.core.Person;
import facegate.pipeline.Enrollment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An enrolled person as the API shows them; an enrollment's answer adds the view of the face
 * enrolled ({@link ViewFields}), which other answers leave out.
 *
 * @param enrolledAt ISO-8601 instant, e.g. {@code 2024-05-01T12:00:00Z}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // an empty name is still sent
public record PersonBody(
    String id,
    String name,
    int templates,
    String enrolledAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String view,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double yawDegrees) {
  static PersonBody of(Person person) {
    return new PersonBody(
        person.id(), person.name(), person.templates(), person.enrolledAt().toString(), null, null);
  }

  static PersonBody of(Enrollment enrollment) {
    Person person = enrollment.person();
    return new PersonBody(
        person.id(),
        person.name(),
        person.templates(),
        person.enrolledAt().toString(),
        enrollment.view().view(),
        ViewFields.yaw(enrollment.view()));
  }
}
