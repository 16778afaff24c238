package facegate.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on standard error: done/total, rate and time left. Redraws at most ten
 * times a second; thread-safe.
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final int total;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;

  ProgressBar(PrintStream out, String label, int total) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
  }

  /** Records that {@code done} items are finished. */
  synchronized void update(int done) {
    update(done, "");
  }

  /** Records that {@code done} items are finished, with {@code detail} after the bar. */
  synchronized void update(int done, String detail) {
    long now = System.nanoTime();
    if (done < total && now - lastDrawNanos < 100_000_000L) {
      return;
    }
    lastDrawNanos = now;
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = done / seconds;
    long etaSeconds = rate > 0 ? Math.round((total - done) / rate) : 0;
    int filled = (int) ((long) WIDTH * done / total);
    out.printf(
        Locale.ROOT,
        "\r%s [%s%s] %d/%d %.1f/s ETA %d:%02d%s",
        label,
        "=".repeat(filled),
        " ".repeat(WIDTH - filled),
        done,
        total,
        rate,
        etaSeconds / 60,
        etaSeconds % 60,
        detail);
    if (done >= total) {
      out.println();
    }
    out.flush();
  }
}
