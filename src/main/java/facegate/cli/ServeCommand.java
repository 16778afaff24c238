package facegate.cli;

import facegate.Application;
import io.micronaut.context.ApplicationContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Starts the HTTP service and runs until it stops (SIGTERM or Ctrl-C close it cleanly, through
 * Micronaut's shutdown hook); extra arguments go to Micronaut (e.g. {@code
 * -micronaut.server.port=9000}, after {@code --}).
 */
@Command(name = "serve", description = "Run the HTTP service.")
final class ServeCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", description = "Micronaut arguments")
  String[] micronautArgs = {};

  @Override
  public Integer call() throws InterruptedException {
    // The caller exits the JVM when this returns: wait for the server to stop.
    ApplicationContext context = Application.run(micronautArgs);
    while (context.isRunning()) {
      Thread.sleep(500);
    }
    return 0;
  }
}
