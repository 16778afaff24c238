package facegate.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import facegate.core.Person;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An enrolled person as the API shows them.
 *
 * @param enrolledAt ISO-8601 instant, e.g. {@code 2024-05-01T12:00:00Z}
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // an empty name is still sent
public record PersonBody(String id, String name, int templates, String enrolledAt) {
  static PersonBody of(Person person) {
    return new PersonBody(
        person.id(), person.name(), person.templates(), person.enrolledAt().toString());
  }
}
