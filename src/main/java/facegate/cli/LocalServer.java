package facegate.cli;

import facegate.Application;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real facegate service, started in this JVM on a free loopback port with fresh API keys and
 * the given gallery folder: what {@code bench}, {@code fuzz} and {@code soak} send requests to.
 */
final class LocalServer implements AutoCloseable {
  private final ApplicationContext context;
  private final URI base;
  private final String adminKey = "admin-" + UUID.randomUUID();
  private final String verifierKey = "verifier-" + UUID.randomUUID();

  private LocalServer(Path galleryDir, List<String> settings) {
    int port = freePort();
    List<String> args = new ArrayList<>();
    args.add("-micronaut.server.host=127.0.0.1");
    args.add("-micronaut.server.port=" + port);
    args.add("-facegate.gallery-dir=" + galleryDir);
    args.add("-facegate.keys.admin=" + adminKey);
    args.add("-facegate.keys.verifier=" + verifierKey);
    args.addAll(settings);
    context = Application.run(args.toArray(String[]::new));
    base = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Starts the service.
   *
   * @param settings further Micronaut arguments, e.g. {@code -facegate.load.max-batch=8}
   */
  static LocalServer start(Path galleryDir, List<String> settings) {
    return new LocalServer(galleryDir, settings);
  }

  /** A new empty temporary folder for the service's gallery. */
  static Path temporaryGallery() {
    try {
      return Files.createTempDirectory("facegate-bench-gallery");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary gallery folder", e);
    }
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  String adminKey() {
    return adminKey;
  }

  String verifierKey() {
    return verifierKey;
  }

  /** The running service's bean of {@code type} (e.g. its recognizer or gallery). */
  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  boolean isRunning() {
    return context.isRunning();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
