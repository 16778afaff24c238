package facegate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Micronaut entry point of the HTTP service; the CLI's {@code serve} command calls it. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "facegate",
            version = "0.1",
            description =
                "Face verification and identification. Every /v1 call needs an X-API-Key header;"
                    + " errors are JSON {code, message}."),
    security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(
    name = "apiKey",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    paramName = "X-API-Key")
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    run(args);
  }

  /** Starts the service and returns its running context; the server runs until it is stopped. */
  public static ApplicationContext run(String[] args) {
    return Micronaut.run(Application.class, args);
  }
}
