package facegate.bench;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tallies fuzz answers. A case passes when it got a 4xx whose JSON body carries one of the known
 * error codes, or, for a case that may still be valid, a 2xx. It fails on a 5xx, no answer, a 4xx
 * without a known code, or a 2xx for input that cannot be valid.
 */
public final class FuzzReport {
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z_]+)\"");
  private static final Pattern FRAMEWORK_NAME =
      Pattern.compile("\\b(io\\.micronaut|io\\.netty|java\\.|javax\\.|org\\.bytedeco|ai\\.djl)");

  private final Set<String> knownCodes;
  private final Map<String, Integer> byStatusAndCode = new TreeMap<>();
  private final Map<String, Integer> failuresByKind = new TreeMap<>();
  private int cases;
  private int failures;
  private int accepted;

  /**
   * @param knownCodes every stable error code (core.ErrorCode)
   */
  public FuzzReport(Set<String> knownCodes) {
    this.knownCodes = Set.copyOf(knownCodes);
  }

  /**
   * Records one answer.
   *
   * @param status the HTTP status, 0 when none came
   * @return true when the answer is acceptable
   */
  public synchronized boolean record(FuzzCases.FuzzCase fuzzCase, int status, String body) {
    cases++;
    String code = "";
    if (body != null) {
      Matcher matcher = CODE.matcher(body);
      if (matcher.find()) {
        code = matcher.group(1);
      }
    }
    byStatusAndCode.merge(status + (code.isEmpty() ? "" : " " + code), 1, Integer::sum);
    boolean ok;
    if (status >= 200 && status < 300) {
      ok = fuzzCase.mayBeAccepted();
      accepted += ok ? 1 : 0;
    } else {
      ok =
          status >= 400
              && status < 500
              && knownCodes.contains(code)
              && (fuzzCase.onlyCodes().isEmpty() || fuzzCase.onlyCodes().contains(code));
    }
    if (body != null && FRAMEWORK_NAME.matcher(body).find()) {
      ok = false; // an answer never names the framework's or the JDK's classes
    }
    if (!ok) {
      failures++;
      failuresByKind.merge(fuzzCase.kind() + " -> " + status + " " + code, 1, Integer::sum);
    }
    return ok;
  }

  public synchronized int cases() {
    return cases;
  }

  public synchronized int failures() {
    return failures;
  }

  /** Cases that were valid after all (a bit flip leaving a decodable image) and got a 2xx. */
  public synchronized int accepted() {
    return accepted;
  }

  /** Answers per {@code "<status> <code>"}. */
  public synchronized Map<String, Integer> byStatusAndCode() {
    return new TreeMap<>(byStatusAndCode);
  }

  /** Failures per {@code "<kind> -> <status> <code>"}. */
  public synchronized Map<String, Integer> failuresByKind() {
    return new TreeMap<>(failuresByKind);
  }
}
