package facegate.core;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An enrolled person.
 *
 * @param id the caller's identifier: 1-128 characters of letters, digits, {@code . _ - @}
 * @param name a display name, possibly empty, at most 256 characters, never null
 * @param templates how many face templates the person holds, at least 1
 * @param enrolledAt when the person was first enrolled
 */
public record Person(String id, String name, int templates, Instant enrolledAt) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

  public Person {
    requireValidId(id);
    name = name == null ? "" : name;
    if (name.length() > 256) {
      throw new FaceException(ErrorCode.MALFORMED_REQUEST, "name is longer than 256 characters");
    }
    if (templates < 1) {
      throw new IllegalArgumentException("a person holds at least one template");
    }
    Objects.requireNonNull(enrolledAt, "enrolledAt");
  }

  /** Fails with {@code malformed_request} unless {@code id} is a valid person id. */
  public static String requireValidId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new FaceException(
          ErrorCode.MALFORMED_REQUEST,
          "person id must be 1-128 characters of letters, digits, '.', '_', '-' or '@'");
    }
    return id;
  }
}
