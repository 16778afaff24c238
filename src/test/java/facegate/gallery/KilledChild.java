package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a child JVM on the test class path and kills it with SIGKILL at a
 * chosen moment, for the crash tests. The child's stdout goes to a file, not a pipe: when a process
 * dies, the JDK may close a pipe under a concurrent reader and drop bytes the child had written,
 * which would look like a lost acknowledgement.
 */
final class KilledChild {
  private KilledChild() {}

  /**
   * Starts {@code main} with {@code args}, kills it {@code delayMillis} after its first complete
   * line of stdout (or after 30 s without one, or when it exits), and returns its complete lines: a
   * line cut by the kill is left out.
   */
  static List<String> runAndKill(Class<?> main, int delayMillis, String... args)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Files.createTempFile("killed-child", ".log");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-Xmx192m",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  System.getProperty("java.class.path"),
                  main.getName()));
      command.addAll(Arrays.asList(args));
      Process child =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectOutput(log.toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!read(log).contains("\n") && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(delayMillis);
      child.destroyForcibly(); // SIGKILL on Linux
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
      String[] lines = read(log).split("\n", -1);
      return List.of(lines).subList(0, lines.length - 1); // the last piece has no newline
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.US_ASCII);
  }
}
