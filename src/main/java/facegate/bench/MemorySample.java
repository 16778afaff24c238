package facegate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's memory at one moment: heap in use after a full GC, and the process's resident set
 * (from {@code /proc/self/status}; -1 where there is none).
 */
public record MemorySample(long heapAfterGcBytes, long rssBytes) {

  /** Runs the garbage collector (three times), then measures. */
  public static MemorySample take() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new MemorySample(heap, rss());
  }

  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** e.g. {@code heap_mb=212.4 rss_mb=1234.0}. */
  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "heap_mb=%.1f rss_mb=%.1f",
        heapAfterGcBytes / 1048576.0,
        rssBytes / 1048576.0);
  }
}
