package facegate.api;

import facegate.gallery.Page;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of {@code GET /v1/people}. */
@Serdeable
public record PeoplePage(List<PersonBody> people, int total, int offset, int limit) {
  static PeoplePage of(Page page, int offset, int limit) {
    return new PeoplePage(
        page.people().stream().map(PersonBody::of).toList(), page.total(), offset, limit);
  }
}
