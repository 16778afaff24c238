package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.vision.Fixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a security probe sent, over real HTTP: malformed multipart is a 400 in facegate's words
 * (never a 500, never a framework class name), repeated parts are refused by name, an image that
 * would decode huge is refused from its header, lists are always present, and every answer carries
 * the security headers.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestHygieneIT implements TestPropertyProvider {
  private static final String ADMIN = "admin-hygiene-key";
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(io\\.micronaut|io\\.netty|java\\.|javax\\.)|Exception|TypeConverter");

  @Inject EmbeddedServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    return TestServers.withTemporaryGallery("facegate-hygiene", "facegate.keys.admin", ADMIN);
  }

  @Test
  void emptyOrOverlongBoundaryIsMalformedNotAServerError() {
    for (String type :
        new String[] {
          "multipart/form-data; boundary=",
          "multipart/form-data; boundary=\"\"",
          "multipart/form-data",
          "multipart/form-data; boundary=" + "x".repeat(71)
        }) {
      Answer answer = post("/v1/verify", type, "abc".getBytes(StandardCharsets.US_ASCII));
      answer.assertError(400, "malformed_request");
    }
  }

  @Test
  void randomBytesAndAThousandFieldsAreMalformedInOurWords() {
    byte[] random = new byte[5000];
    new java.util.Random(7).nextBytes(random);
    Answer garbage = post("/v1/verify", "multipart/form-data; boundary=xyz", random);
    garbage.assertError(400, "malformed_request");
    MultipartBody many = new MultipartBody();
    for (int i = 0; i < 1000; i++) {
      many.field("f" + i, "v");
    }
    many.file("photo", "p.jpg", "image/jpeg", Fixtures.firstJpeg()).field("id", "x");
    Answer answer = post("/v1/verify", many);
    answer.assertError(400, "malformed_request");
    assertFalse(answer.message().contains("buffered form field"), answer.message());
  }

  @Test
  void aRepeatedPartIsRefusedByName() {
    byte[] photo = Fixtures.firstJpeg();
    MultipartBody twoIds =
        new MultipartBody().file("photo", "p.jpg", "image/jpeg", photo).field("id", "a");
    twoIds.field("id", "b");
    Answer ids = post("/v1/people", twoIds);
    ids.assertError(400, "malformed_request");
    assertTrue(ids.message().contains("'id'"), ids.message());
    MultipartBody twoPhotos =
        new MultipartBody().file("photo", "p.jpg", "image/jpeg", photo).field("id", "a");
    twoPhotos.file("photo", "q.jpg", "image/jpeg", photo);
    Answer photos = post("/v1/people", twoPhotos);
    photos.assertError(400, "malformed_request");
    assertTrue(photos.message().contains("'photo'"), photos.message());
    assertEquals(0, list().get("total").getAsInt(), "nobody was enrolled by either");
  }

  @Test
  void aTextPhotoIsNotAnImageWithoutFrameworkNames() {
    MultipartBody body =
        new MultipartBody()
            .field("photo", "abc")
            .file("other", "o.jpg", "image/jpeg", Fixtures.firstJpeg());
    post("/v1/verify", body).assertError(415, "not_an_image");
  }

  @Test
  void anImageThatWouldDecodeHugeIsRefusedFromItsHeader() {
    MultipartBody body =
        new MultipartBody().file("photo", "p.png", "image/png", pngHeader(6000, 6000, 16, 6));
    Answer answer = post("/v1/faces/detect", body);
    answer.assertError(413, "image_too_large");
    assertTrue(answer.message().contains("274 MiB"), answer.message());
  }

  @Test
  void anEmptyGalleryListsAnEmptyArray() {
    JsonObject page = list();
    assertTrue(page.has("people"), page.toString());
    assertEquals(0, page.getAsJsonArray("people").size());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (String path : new String[] {"/v1/people", "/v1/audit", "/nowhere", "/ui/index.html"}) {
      HttpResponse<String> response = get(path);
      assertEquals(
          "nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
      String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(policy.contains("script-src 'self'"), path + ": " + policy);
      assertFalse(policy.contains("unsafe-inline"), policy);
    }
  }

  private JsonObject list() {
    HttpResponse<String> response = get("/v1/people");
    assertEquals(200, response.statusCode(), response.body());
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header(AccessPolicy.HEADER, ADMIN).GET());
  }

  private Answer post(String path, MultipartBody body) {
    return post(path, body.contentType(), body.bytes());
  }

  private Answer post(String path, String contentType, byte[] body) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(path))
                .header(AccessPolicy.HEADER, ADMIN)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    return new Answer(response.statusCode(), response.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return TestServers.send(client, request.build());
  }

  /** A PNG signature and IHDR (no pixel data) of this size, bit depth and colour type. */
  private static byte[] pngHeader(int width, int height, int bitDepth, int colourType) {
    ByteBuffer png = ByteBuffer.allocate(33);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
    png.put(new byte[] {(byte) bitDepth, (byte) colourType, 0, 0, 0});
    CRC32 crc = new CRC32();
    crc.update(png.array(), 12, 17);
    png.putInt((int) crc.getValue());
    return png.array();
  }

  /** An answer's status and body. */
  private record Answer(int status, String body) {
    String message() {
      return JsonParser.parseString(body).getAsJsonObject().get("message").getAsString();
    }

    void assertError(int expectedStatus, String code) {
      assertEquals(expectedStatus, status, body);
      JsonObject json = JsonParser.parseString(body).getAsJsonObject();
      assertEquals(code, json.get("code").getAsString(), body);
      assertFalse(CLASS_NAME.matcher(message()).find(), "names a class: " + body);
    }
  }
}
