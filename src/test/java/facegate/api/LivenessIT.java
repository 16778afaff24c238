package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Liveness over HTTP with the shipped model and NUAA fixture frames (live and printed-photo frames
 * the model scores clearly): the check alone, the 403 of verify and identify with {@code
 * liveness=true}, its audit entry, and verify unchanged when liveness is off (the default).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivenessIT implements TestPropertyProvider {
  private static final String ADMIN = "admin-liveness-key";
  private static final String VERIFIER = "verifier-liveness-key";
  private static final String LIVE = "live/0001/0001_00_00_01_81.jpg";
  private static final String OTHER_LIVE = "live/0004/0004_01_06_03_338.jpg";
  private static final String PHOTO = "photo/0001/0001_00_03_02_72.jpg";

  @Inject EmbeddedServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    return TestServers.withTemporaryGallery(
        "facegate-liveness-it", "facegate.keys.admin", ADMIN, "facegate.keys.verifier", VERIFIER);
  }

  @Test
  void answersTheCheckAloneForLiveAndPhotoFrames() {
    JsonObject live = post("/v1/liveness", new MultipartBody().photo("photo", frame(LIVE)), 200);
    assertTrue(live.get("live").getAsBoolean(), live.toString());
    assertTrue(live.get("score").getAsDouble() >= live.get("threshold").getAsDouble());
    JsonObject photo = post("/v1/liveness", new MultipartBody().photo("photo", frame(PHOTO)), 200);
    assertFalse(photo.get("live").getAsBoolean(), photo.toString());
    assertTrue(photo.get("score").getAsDouble() < photo.get("threshold").getAsDouble());
    assertEquals(
        "image_empty",
        post("/v1/liveness", new MultipartBody().field("x", "y"), 400).get("code").getAsString());
  }

  @Test
  void refusesAPhotoAttackOnVerifyAndIdentifyAndAuditsIt() {
    JsonObject refused =
        post(
            "/v1/verify",
            new MultipartBody()
                .photo("photo", frame(PHOTO))
                .photo("other", frame(LIVE))
                .field("liveness", "true"),
            403);
    assertEquals("presentation_attack", refused.get("code").getAsString(), refused.toString());
    JsonObject lastEntry = lastAuditEntry();
    assertEquals("verify", lastEntry.get("action").getAsString(), lastEntry.toString());
    assertEquals("presentation_attack", lastEntry.get("outcome").getAsString());
    JsonObject identify =
        post(
            "/v1/identify",
            new MultipartBody().photo("photo", frame(PHOTO)).field("liveness", "true"),
            403);
    assertEquals("presentation_attack", identify.get("code").getAsString());
  }

  @Test
  void verifyCarriesTheLivenessDecisionWhenAskedAndIsUnchangedWhenNot() {
    JsonObject checked =
        post(
            "/v1/verify",
            new MultipartBody()
                .photo("photo", frame(LIVE))
                .photo("other", frame(OTHER_LIVE))
                .field("liveness", "true"),
            200);
    assertTrue(checked.getAsJsonObject("liveness").get("live").getAsBoolean(), checked.toString());
    JsonObject plain =
        post(
            "/v1/verify",
            new MultipartBody().photo("photo", frame(PHOTO)).photo("other", frame(LIVE)),
            200);
    assertFalse(plain.has("liveness"), plain.toString());
    assertTrue(plain.has("match"), plain.toString());
    JsonObject bad =
        post(
            "/v1/verify",
            new MultipartBody()
                .photo("photo", frame(LIVE))
                .photo("other", frame(LIVE))
                .field("liveness", "maybe"),
            400);
    assertEquals("malformed_request", bad.get("code").getAsString());
  }

  private JsonObject lastAuditEntry() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/audit?limit=1"))
            .header(AccessPolicy.HEADER, ADMIN)
            .build();
    HttpResponse<String> response = TestServers.send(client, request);
    assertEquals(200, response.statusCode(), response.body());
    JsonArray entries =
        JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("entries");
    return entries.get(entries.size() - 1).getAsJsonObject();
  }

  private JsonObject post(String path, MultipartBody body, int expectedStatus) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header(AccessPolicy.HEADER, VERIFIER)
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
            .build();
    HttpResponse<String> response = TestServers.send(client, request);
    assertEquals(expectedStatus, response.statusCode(), path + ": " + response.body());
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private static byte[] frame(String path) {
    try (InputStream in = LivenessIT.class.getResourceAsStream("/fixtures/nuaa/" + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
