package facegate.gallery;

import facegate.core.Person;
import java.util.List;

/**
 * One page of a listing of enrolled people.
 *
 * @param people the people on this page, ordered by id; possibly empty
 * @param total how many people are enrolled in all, at least {@code people.size()}
 */
public record Page(List<Person> people, int total) {
  public Page {
    people = List.copyOf(people);
    if (total < people.size()) {
      throw new IllegalArgumentException("total " + total + " < page size " + people.size());
    }
  }
}
