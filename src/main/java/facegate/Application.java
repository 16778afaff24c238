package facegate;

import io.micronaut.runtime.Micronaut;

/** Micronaut entry point of the HTTP service; the CLI's {@code serve} command calls it. */
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }
}
