package facegate.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A facegate server in a child JVM ({@code facegate serve}, the same class path as this one), on a
 * free loopback port, its output appended to a log file.
 */
final class ServerProcess {
  private static final long START_TIMEOUT_SECONDS = 600;

  private final Process process;
  private final FacegateClient client;

  private ServerProcess(Process process, FacegateClient client) {
    this.process = process;
    this.client = client;
  }

  /**
   * Starts a server with {@code environment} added to this process's, and waits until it answers
   * {@code /health}.
   *
   * @throws IOException when it cannot start, or exits or stays silent for 10 minutes
   */
  static ServerProcess start(Map<String, String> environment, String adminKey, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java,
                "-Xmx1g",
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                "facegate.cli.FacegateCommand",
                "serve"));
    builder.environment().putAll(environment);
    builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    builder.environment().put("FACEGATE_KEYS_ADMIN", adminKey);
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process = builder.start();
    FacegateClient client = new FacegateClient(port, adminKey);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (!client.healthy()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor();
        throw new IOException("the server did not start; see " + log);
      }
      Thread.sleep(100);
    }
    return new ServerProcess(process, client);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  FacegateClient client() {
    return client;
  }

  /** SIGKILL (on Linux, {@code destroyForcibly}), then waits for the process to be gone. */
  void kill() throws InterruptedException, IOException {
    process.destroyForcibly();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IOException("the killed server did not exit");
    }
  }

  /** Stops the server normally (SIGTERM) and waits for it. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
