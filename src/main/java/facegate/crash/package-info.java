/**
 * The crash test: a real facegate server in a child JVM, killed with SIGKILL during a burst of
 * enrollments over HTTP, restarted and checked: every acknowledged enrollment present and complete,
 * nothing else, and the index agreeing with the store. Used by the {@code crash-test} command and
 * its short CI version, with either gallery store.
 */
package facegate.crash;
