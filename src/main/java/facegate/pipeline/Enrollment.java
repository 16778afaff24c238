package facegate.pipeline;

import facegate.core.Person;
import facegate.pose.FaceView;
import java.util.Objects;

/**
 * The answer to an enrollment: the person as stored and the view of the face they were enrolled
 * from.
 */
public record Enrollment(Person person, FaceView view) {
  public Enrollment {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(view, "view");
  }
}
