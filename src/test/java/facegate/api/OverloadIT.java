package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.vision.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Back-pressure over real HTTP: with one align thread and a queue of one photo, a burst of
 * concurrent verifies gets some answered and the rest refused at once with {@code 503 overloaded}
 * and {@code Retry-After}, never queued without bound.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverloadIT implements TestPropertyProvider {
  private static final String KEY = "verifier-overload-key";
  private static final int BURST = 12;

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return TestServers.withTemporaryGallery(
        "facegate-overload-it",
        "facegate.keys.verifier",
        KEY,
        "facegate.load.threads",
        "1",
        "facegate.load.queue",
        "1",
        "facegate.load.retry-after-seconds",
        "2");
  }

  @Test
  void aBurstBeyondTheAlignQueueIsRefusedWith503AndRetryAfter() throws Exception {
    byte[] first = Fixtures.lfw("Boris_Becker", 1);
    byte[] second = Fixtures.lfw("Boris_Becker", 2);
    MultipartBody body = new MultipartBody().photo("photo", first).photo("other", second);
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(server.getURI().resolve("/v1/verify"))
            .header("X-API-Key", KEY)
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(BURST);
    List<HttpResponse<String>> answers = new ArrayList<>();
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < BURST; i++) {
        sent.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString())));
      }
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    int answered = 0;
    int refused = 0;
    for (HttpResponse<String> answer : answers) {
      if (answer.statusCode() == 200) {
        answered++;
      } else {
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"code\":\"overloaded\""), answer.body());
        assertEquals("2", answer.headers().firstValue("Retry-After").orElse(null));
        refused++;
      }
    }
    assertTrue(answered >= 1, "none answered");
    assertTrue(refused >= 1, "none refused: " + answered + " answered");
  }
}
