package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route the service has × every spelling of its path × every caller: a key's role is decided
 * by the route a request reaches, never by how its path is written. The expected roles are this
 * test's own table; a route missing from it fails the test, so a new endpoint must be classified.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessIT implements TestPropertyProvider {
  private static final String ADMIN = "admin-route-key";
  private static final String VERIFIER = "verifier-route-key";

  /** Route template → the least role it needs; empty: no key. */
  private static final Map<String, Optional<Role>> EXPECTED =
      Map.ofEntries(
          Map.entry("/", Optional.empty()),
          Map.entry("/health", Optional.empty()),
          Map.entry("/health/{selector}", Optional.empty()),
          Map.entry("/info", Optional.of(Role.VERIFIER)),
          Map.entry("/metrics", Optional.of(Role.VERIFIER)),
          Map.entry("/metrics/{name}", Optional.of(Role.VERIFIER)),
          Map.entry("/prometheus", Optional.of(Role.VERIFIER)),
          Map.entry("/v1/verify", Optional.of(Role.VERIFIER)),
          Map.entry("/v1/identify", Optional.of(Role.VERIFIER)),
          Map.entry("/v1/liveness", Optional.of(Role.VERIFIER)),
          Map.entry("/v1/faces/detect", Optional.of(Role.VERIFIER)),
          Map.entry("/v1/crops/{id}", Optional.of(Role.VERIFIER)),
          Map.entry("/v1/session", Optional.of(Role.VERIFIER)),
          Map.entry("/v1/people", Optional.of(Role.ADMIN)),
          Map.entry("/v1/people/{id}", Optional.of(Role.ADMIN)),
          Map.entry("/v1/audit", Optional.of(Role.ADMIN)));

  @Inject EmbeddedServer server;
  @Inject Router router;
  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    return TestServers.withTemporaryGallery(
        "facegate-route-access", "facegate.keys.admin", ADMIN, "facegate.keys.verifier", VERIFIER);
  }

  @Test
  void everyRouteEverySpellingEveryRole() {
    Map<String, UriRouteInfo<?, ?>> routes = new TreeMap<>();
    for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
      String template = route.getUriMatchTemplate().toPathString();
      assertTrue(
          EXPECTED.containsKey(template),
          "route " + template + " is not in this test's table: classify it");
      routes.put(route.getHttpMethod() + " " + template, route);
    }
    assertTrue(routes.size() >= EXPECTED.size(), "routes found: " + routes.keySet());
    List<String> failures = new ArrayList<>();
    int requests = 0;
    for (UriRouteInfo<?, ?> route : routes.values()) {
      String template = route.getUriMatchTemplate().toPathString();
      Optional<Role> required = EXPECTED.get(template);
      String path = template.replaceAll("\\{[^}]*}", "alice");
      for (String spelling : spellings(path)) {
        for (String key : new String[] {null, VERIFIER, ADMIN}) {
          Outcome outcome = call(route.getHttpMethod(), spelling, key);
          requests++;
          boolean allowed = required.isEmpty() || (key != null && allows(key, required.get()));
          boolean exact = spelling.equals(path);
          String failure = judge(outcome, allowed, exact, key);
          if (failure != null) {
            failures.add(route.getHttpMethod() + " " + spelling + " key=" + key + ": " + failure);
          }
        }
      }
    }
    assertEquals(List.of(), failures, requests + " requests");
  }

  /** Null when the answer fits the caller's rights; otherwise what is wrong. */
  private static String judge(Outcome outcome, boolean allowed, boolean exact, String key) {
    if (!allowed && !outcome.denied()) {
      return "reached the endpoint without the right key: " + outcome;
    }
    if (exact && !allowed) {
      int expected = key == null ? 401 : 403;
      return outcome.status() == expected ? null : "expected " + expected + ", got " + outcome;
    }
    if (exact && allowed && (outcome.status() == 401 || outcome.status() == 403)) {
      return "refused a caller with the right key: " + outcome;
    }
    return null;
  }

  private static boolean allows(String key, Role required) {
    return (key.equals(ADMIN) ? Role.ADMIN : Role.VERIFIER).allows(required);
  }

  /** The path as written, and the other ways a client might write it. */
  static List<String> spellings(String path) {
    List<String> spellings = new ArrayList<>();
    spellings.add(path);
    if (path.equals("/")) {
      spellings.add("//");
      return spellings;
    }
    spellings.add(path + "/");
    spellings.add("/" + path);
    spellings.add(path.replaceFirst("^(/[^/]+)/", "$1//"));
    spellings.add(path + "//");
    spellings.add(path.toUpperCase(Locale.ROOT));
    int last = path.lastIndexOf('/') + 1;
    if (last < path.length()) {
      char c = path.charAt(last);
      spellings.add(
          path.substring(0, last)
              + String.format(Locale.ROOT, "%%%02X", (int) c)
              + path.substring(last + 1));
    }
    spellings.add(path.replaceFirst("/", "/./"));
    spellings.add(path + "?x=1");
    return spellings.stream().distinct().toList();
  }

  private Outcome call(HttpMethod method, String path, String key) {
    String boundary = "routeaccess";
    HttpRequest.BodyPublisher body =
        method == HttpMethod.POST
            ? HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n")
            : HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
            .method(method.name(), body);
    if (method == HttpMethod.POST) {
      request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
    }
    if (key != null) {
      request.header(AccessPolicy.HEADER, key);
    }
    HttpResponse<String> response = TestServers.send(client, request.build());
    // a HEAD answer has no body to tell "no route" from "no such person": its 404 counts as no
    // route
    String code = method == HttpMethod.HEAD ? "not_found" : code(response);
    return new Outcome(response.statusCode(), code);
  }

  private static String code(HttpResponse<String> response) {
    if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      return "";
    }
    try {
      JsonElement json = JsonParser.parseString(response.body());
      return json.isJsonObject() && json.getAsJsonObject().has("code")
          ? json.getAsJsonObject().get("code").getAsString()
          : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** An answer: its status and facegate's error code, if any. */
  record Outcome(int status, String code) {
    /** Refused, or no route: 401, 403, 404 {@code not_found}, 405. */
    boolean denied() {
      return status == 401
          || status == 403
          || status == 405
          || (status == 404 && code.equals("not_found"));
    }
  }
}
