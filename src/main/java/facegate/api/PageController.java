package facegate.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;

/** {@code GET /}: the web page, served from the jar under {@code /ui/}. */
@NoKeyRequired
@Controller
@Hidden
public final class PageController {
  @Get
  public HttpResponse<?> root() {
    return HttpResponse.seeOther(URI.create("/ui/index.html"));
  }
}
