package facegate.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured API keys, held only as SHA-256 digests. A presented key is compared with every
 * configured key in constant time ({@link MessageDigest#isEqual} over digests, no early exit), so
 * timing reveals neither which key matched nor how much of one. Keys are never logged.
 */
public final class ApiKeys {
  private record Entry(byte[] digest, Role role, String name) {}

  private final List<Entry> entries = new ArrayList<>();

  /**
   * @param admin admin keys; blank entries are ignored
   * @param verifier verifier keys; blank entries are ignored. A key listed under both is an admin.
   */
  public ApiKeys(List<String> admin, List<String> verifier) {
    addAll(admin, Role.ADMIN);
    addAll(verifier, Role.VERIFIER);
  }

  private void addAll(List<String> keys, Role role) {
    for (int i = 0; i < keys.size(); i++) {
      if (!keys.get(i).isBlank()) {
        String name = role.name().toLowerCase(Locale.ROOT) + "#" + (i + 1);
        entries.add(new Entry(sha256(keys.get(i).strip()), role, name));
      }
    }
  }

  /** Whether any key is configured. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The role of {@code presented}, or empty for a null, blank or unknown key. */
  public Optional<Role> roleOf(String presented) {
    return callerOf(presented).map(Caller::role);
  }

  /**
   * Who presents {@code presented}: the key's name ({@code admin#2}: role and 1-based position in
   * its configured list) and role; empty for a null, blank or unknown key.
   */
  public Optional<Caller> callerOf(String presented) {
    if (presented == null || presented.isBlank()) {
      return Optional.empty();
    }
    byte[] digest = sha256(presented.strip());
    Entry found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(digest, entry.digest())
          && (found == null || found.role() == Role.VERIFIER)) {
        found = entry;
      }
    }
    return found == null ? Optional.empty() : Optional.of(new Caller(found.name(), found.role()));
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
