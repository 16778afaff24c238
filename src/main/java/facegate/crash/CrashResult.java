package facegate.crash;

import java.util.List;

/**
 * What a crash test saw.
 *
 * @param store the gallery store
 * @param trials kills
 * @param acknowledged enrollments answered 201, all of which must be present
 * @param inDoubt enrollments in flight at a kill (no answer)
 * @param inDoubtPresent of those, how many were present after the restart
 * @param refused enrollments answered 4xx (e.g. no face), none of which may be present
 * @param people people in the gallery at the end
 * @param identifyChecks identifications that had to find the person first
 * @param failures what went wrong; empty when the test passed
 */
public record CrashResult(
    String store,
    int trials,
    int acknowledged,
    int inDoubt,
    int inDoubtPresent,
    int refused,
    int people,
    int identifyChecks,
    List<String> failures) {

  public boolean passed() {
    return failures.isEmpty();
  }

  /** One line: {@code crash_test store=… trials=… acknowledged=… … failures=…}. */
  public String summary() {
    return String.format(
        "crash_test store=%s trials=%d acknowledged=%d in_flight=%d in_flight_present=%d"
            + " refused=%d people=%d identify_checks=%d failures=%d",
        store,
        trials,
        acknowledged,
        inDoubt,
        inDoubtPresent,
        refused,
        people,
        identifyChecks,
        failures.size());
  }
}
