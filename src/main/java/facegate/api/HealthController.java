package facegate.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /health}: the service is up, with the model it serves. */
@Controller("/health")
public final class HealthController {
  private final FacegateConfiguration configuration;

  public HealthController(FacegateConfiguration configuration) {
    this.configuration = configuration;
  }

  /** The health answer. */
  @Serdeable
  public record Health(String status, String model) {}

  @Get
  public Health health() {
    return new Health("UP", configuration.model());
  }
}
