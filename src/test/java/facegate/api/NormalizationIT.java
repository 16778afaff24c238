package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Verify with cohort normalisation on, over HTTP, with the shipped model, its default cohort and
 * its calibrated thresholds: every fixture person is enrolled from their first photo and their
 * second photo claims every other person. With this model the fixture impostor scores reach 0.93,
 * above the raw threshold (0.9122): at least one such impostor must be accepted by the raw
 * threshold the answer carries and refused on its normalised score.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NormalizationIT implements TestPropertyProvider {
  private static final String ADMIN = "admin-test-key";
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/lfw");

  @Inject EmbeddedServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    return TestServers.withTemporaryGallery(
        "facegate-normalization-it",
        "facegate.normalization.enabled",
        "true",
        "facegate.keys.admin",
        ADMIN);
  }

  @Test
  void anImpostorTheRawThresholdAcceptsIsRefusedAfterNormalisation() throws IOException {
    List<String> people;
    try (Stream<Path> folders = Files.list(FIXTURES)) {
      people = folders.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String person : people) {
      MultipartBody body = new MultipartBody().field("id", person).photo("photo", photo(person, 1));
      assertEquals(201, post("/v1/people", body).statusCode());
    }
    List<JsonObject> impostors = new ArrayList<>();
    int genuineAccepted = 0;
    for (String probe : people) {
      for (String claimed : people) {
        MultipartBody body =
            new MultipartBody().field("id", claimed).photo("photo", photo(probe, 2));
        HttpResponse<String> response = post("/v1/verify", body);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
        assertTrue(answer.get("normalized").getAsBoolean());
        boolean normalizedMatch =
            answer.get("normalizedScore").getAsDouble() >= answer.get("threshold").getAsDouble();
        assertEquals(normalizedMatch, answer.get("match").getAsBoolean());
        if (probe.equals(claimed)) {
          genuineAccepted += normalizedMatch ? 1 : 0;
        } else {
          impostors.add(answer);
        }
      }
    }
    List<JsonObject> rawOnly =
        impostors.stream()
            .filter(a -> a.get("score").getAsDouble() >= a.get("rawThreshold").getAsDouble())
            .toList();
    assertFalse(rawOnly.isEmpty(), "no fixture impostor reaches the raw threshold");
    assertTrue(
        rawOnly.stream().anyMatch(a -> !a.get("match").getAsBoolean()),
        "normalisation refused none of the impostors the raw threshold accepts: " + rawOnly);
    assertTrue(impostors.stream().noneMatch(a -> a.get("match").getAsBoolean()), "" + impostors);
    assertTrue(genuineAccepted >= people.size() / 2, "genuine accepted: " + genuineAccepted);
  }

  private static byte[] photo(String person, int number) {
    try {
      return Files.readAllBytes(
          FIXTURES.resolve(person).resolve(String.format("%s_%04d.jpg", person, number)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> post(String path, MultipartBody body) {
    return TestServers.send(
        client,
        HttpRequest.newBuilder(server.getURI().resolve(path))
            .header("X-API-Key", ADMIN)
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
            .build());
  }
}
