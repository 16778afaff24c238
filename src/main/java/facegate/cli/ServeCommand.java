package facegate.cli;

import facegate.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Starts the HTTP service; extra arguments go to Micronaut (e.g. {@code
 * -micronaut.server.port=9000}).
 */
@Command(name = "serve", description = "Run the HTTP service.")
final class ServeCommand implements Runnable {
  @Parameters(arity = "0..*", description = "Micronaut arguments")
  String[] micronautArgs = {};

  @Override
  public void run() {
    Application.main(micronautArgs);
  }
}
