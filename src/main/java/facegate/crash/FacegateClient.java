package facegate.crash;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The few calls of facegate's HTTP API the crash test makes, with the admin key. */
final class FacegateClient {
  /**
   * Scores this close to the best count as the same photo: far below the gap between different
   * people (on LFW, pairs of one person score about 0.91 and more, the test's different images much
   * less).
   */
  static final double SAME_PHOTO_MARGIN = 1e-3;

  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String key;

  FacegateClient(int port, String key) {
    this.base = "http://127.0.0.1:" + port;
    this.key = key;
  }

  /** A person as listed: id, name, template count. */
  record Listed(String id, String name, int templates) {}

  /** True once {@code /health} answers 200. */
  boolean healthy() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/health")).timeout(TIMEOUT).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code POST /v1/people}; returns the HTTP status. */
  int enroll(String id, String name, byte[] photo) throws IOException, InterruptedException {
    Multipart body = new Multipart().field("id", id).field("name", name).photo(photo);
    return send(post("/v1/people", body), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * The ids of the best candidates {@code POST /v1/identify} names: the first and any within {@link
   * #SAME_PHOTO_MARGIN} of it, empty for none. The test photos include shifted copies of one image,
   * and alignment undoes a shift: such copies score the same (once exactly, 1.0000000109 for both)
   * or nearly (float sums differ with the resampling grid and the batch a chip shared), in either
   * order; in one 20-trial run p-109's own photo named p-181, a shifted copy of the same image,
   * first.
   */
  List<String> identifyBest(byte[] photo) throws IOException, InterruptedException {
    Multipart body = new Multipart().field("k", "5").photo(photo);
    HttpResponse<byte[]> response = send(post("/v1/identify", body), bytes());
    require(response, 200);
    JsonNode candidates = json(response.body()).get("candidates");
    List<String> best = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      JsonNode candidate = candidates.get(i);
      double score = candidate.get("score").getDoubleValue();
      if (i > 0 && score < candidates.get(0).get("score").getDoubleValue() - SAME_PHOTO_MARGIN) {
        break;
      }
      best.add(candidate.get("id").getStringValue());
    }
    return best;
  }

  /** Every enrolled person, through {@code GET /v1/people} pages; checks the reported total. */
  List<Listed> people() throws IOException, InterruptedException {
    List<Listed> all = new ArrayList<>();
    int total;
    do {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/v1/people?limit=500&offset=" + all.size()))
              .header("X-API-Key", key)
              .timeout(TIMEOUT)
              .build();
      HttpResponse<byte[]> response = send(request, bytes());
      require(response, 200);
      JsonNode page = json(response.body());
      total = page.get("total").getIntValue();
      JsonNode people = page.get("people");
      if (people.size() == 0 && all.size() < total) {
        throw new IOException("listing ended at " + all.size() + " of " + total + " people");
      }
      for (int i = 0; i < people.size(); i++) {
        JsonNode person = people.get(i);
        all.add(
            new Listed(
                person.get("id").getStringValue(),
                person.get("name").getStringValue(),
                person.get("templates").getIntValue()));
      }
    } while (all.size() < total);
    if (all.size() != total) {
      throw new IOException("listed " + all.size() + " people but the total says " + total);
    }
    return all;
  }

  private HttpRequest post(String path, Multipart body) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("X-API-Key", key)
        .header("Content-Type", body.contentType())
        .timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
        .build();
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return http.send(request, handler);
  }

  private static HttpResponse.BodyHandler<byte[]> bytes() {
    return HttpResponse.BodyHandlers.ofByteArray();
  }

  private static void require(HttpResponse<byte[]> response, int status) throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(
          response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
  }

  private static JsonNode json(byte[] body) throws IOException {
    return ObjectMapper.getDefault().readValue(body, JsonNode.class);
  }

  /** A multipart/form-data body (the JDK's client has no builder for one). */
  private static final class Multipart {
    private final String boundary = "facegate-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
      part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(UTF8));
      return this;
    }

    Multipart photo(byte[] png) {
      part(
          "Content-Disposition: form-data; name=\"photo\"; filename=\"photo.png\"\r\n"
              + "Content-Type: image/png",
          png);
      return this;
    }

    private void part(String headers, byte[] content) {
      out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(UTF8));
      out.writeBytes(content);
      out.writeBytes("\r\n".getBytes(UTF8));
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(out.toByteArray());
      all.writeBytes(("--" + boundary + "--\r\n").getBytes(UTF8));
      return all.toByteArray();
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
  }
}
