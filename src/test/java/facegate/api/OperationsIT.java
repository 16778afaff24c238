package facegate.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.vision.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Over real HTTP with the real models: the face preview endpoint, face crops off (the default) and
 * on, Prometheus metrics, health and info, and the audit log and crops surviving a restart of the
 * service on the same gallery folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {
  private static final String ADMIN = "admin-ops-key";
  private static final String VERIFIER = "verifier-ops-key";
  private final HttpClient client = HttpClient.newHttpClient();
  private Path defaultGallery;
  private EmbeddedServer server;

  record Answer(int status, String body) {
    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  @BeforeAll
  void start() throws IOException {
    defaultGallery = Files.createTempDirectory("facegate-ops-default");
    server = start(defaultGallery, false);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.getApplicationContext().close();
    }
  }

  private static EmbeddedServer start(Path gallery, boolean storeCrops) {
    return ApplicationContext.run(
        EmbeddedServer.class,
        Map.of(
            "micronaut.server.port",
            -1,
            "facegate.gallery-dir",
            gallery.toString(),
            "facegate.verify-threshold",
            "0.90",
            "facegate.gallery.store-crops",
            storeCrops,
            "facegate.keys.admin",
            ADMIN,
            "facegate.keys.verifier",
            VERIFIER));
  }

  @Test
  @Order(1)
  void previewShowsTheBoxesAndTheAlignedChipAndStoresNothing() throws IOException {
    Answer answer =
        post(
            server,
            "/v1/faces/detect",
            VERIFIER,
            new MultipartBody().photo("photo", Fixtures.lfw("Angela_Bassett", 1)));
    assertEquals(200, answer.status(), answer.body());
    JsonObject preview = answer.json();
    assertEquals(250, preview.get("width").getAsInt());
    assertEquals(250, preview.get("height").getAsInt());
    JsonArray faces = preview.getAsJsonArray("faces");
    assertTrue(faces.size() >= 1, answer.body());
    JsonObject largest = faces.get(0).getAsJsonObject();
    double x = largest.get("x").getAsDouble();
    double width = largest.get("width").getAsDouble();
    // LFW images are centred on the face, about 100 px wide.
    assertTrue(x > 40 && x + width < 210 && width > 60, answer.body());
    assertEquals(150, preview.get("chipSize").getAsInt());
    BufferedImage chip =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(preview.get("chipPng").getAsString())));
    assertEquals(150, chip.getWidth());
    assertEquals(150, chip.getHeight());

    Answer noFace =
        post(
            server,
            "/v1/faces/detect",
            ADMIN,
            new MultipartBody().file("photo", "grey.png", "image/png", greyPng()));
    assertEquals(200, noFace.status(), noFace.body());
    assertEquals(0, noFace.json().getAsJsonArray("faces").size());
    assertTrue(noFace.json().get("chipPng").isJsonNull(), noFace.body());

    Answer notImage =
        post(
            server,
            "/v1/faces/detect",
            VERIFIER,
            new MultipartBody().photo("photo", "not a photo".getBytes(StandardCharsets.UTF_8)));
    assertEquals(415, notImage.status());
    assertEquals("not_an_image", notImage.json().get("code").getAsString());
    Answer noKey =
        post(
            server,
            "/v1/faces/detect",
            null,
            new MultipartBody().photo("photo", Fixtures.lfw("Angela_Bassett", 1)));
    assertEquals(401, noKey.status());

    assertEquals(
        0,
        get(server, "/v1/people", ADMIN).json().get("total").getAsInt(),
        "a preview enrolls nobody");
  }

  @Test
  @Order(2)
  void cropsAreNotStoredByDefault() throws IOException {
    assertEquals(201, enroll(server, "angela", "Angela_Bassett", 1).status());
    Answer crop = get(server, "/v1/crops/angela", VERIFIER);
    assertEquals(404, crop.status());
    assertEquals("crop_not_stored", crop.json().get("code").getAsString());
    assertTrue(crop.json().get("message").getAsString().contains("facegate.gallery.store-crops"));
    assertFalse(
        Files.exists(defaultGallery.resolve("crops")), "no crops folder when crops are off");
    assertFalse(get(server, "/v1/session", VERIFIER).json().get("storeCrops").getAsBoolean());
    assertEquals(404, get(server, "/v1/crops/nobody", VERIFIER).status());
  }

  @Test
  @Order(3)
  void metricsHealthAndInfo() {
    Answer verify =
        post(
            server,
            "/v1/verify",
            VERIFIER,
            new MultipartBody()
                .photo("photo", Fixtures.lfw("Angela_Bassett", 2))
                .field("id", "angela"));
    assertTrue(verify.json().get("match").getAsBoolean(), verify.body());
    post(
        server,
        "/v1/identify",
        VERIFIER,
        new MultipartBody().photo("photo", Fixtures.lfw("Thabo_Mbeki", 1)));

    assertEquals(401, get(server, "/prometheus", null).status());
    Answer metrics = get(server, "/prometheus", VERIFIER);
    assertEquals(200, metrics.status());
    String text = metrics.body();
    assertTrue(text.contains("facegate_gallery_people 1.0"), text);
    assertTrue(
        text.contains("facegate_decisions_total{operation=\"verify\",outcome=\"match\"} 1.0"),
        text);
    assertTrue(
        text.contains("facegate_decisions_total{operation=\"identify\",outcome=\"unknown\"} 1.0"),
        text);
    assertTrue(
        text.contains("facegate_decisions_total{operation=\"identify\",outcome=\"known\"} 0.0"),
        text);
    assertTrue(
        text.matches(
            "(?s).*http_server_requests_seconds_bucket\\{[^}]*uri=\"/v1/verify\"[^}]*le=\"[0-9.]+\"\\} 1\n.*"),
        "a latency histogram per endpoint");
    assertTrue(
        text.contains("facegate_batch_size_bucket{network=\"embedding\""), "embedding batch sizes");
    assertTrue(
        text.contains("facegate_queue_depth{queue=\"embedding\"}"), "chips waiting: " + text);
    assertTrue(text.contains("facegate_queue_depth{queue=\"align\"}"), "photos waiting: " + text);

    Answer health = get(server, "/health", null);
    assertEquals(200, health.status(), health.body());
    JsonObject details = health.json().getAsJsonObject("details");
    assertEquals("UP", details.getAsJsonObject("model").get("status").getAsString());
    assertEquals(
        "dlib-resnet-faceapi",
        details.getAsJsonObject("model").getAsJsonObject("details").get("model").getAsString());
    assertEquals(
        1, details.getAsJsonObject("gallery").getAsJsonObject("details").get("people").getAsInt());

    assertEquals(401, get(server, "/info", null).status());
    Answer info = get(server, "/info", VERIFIER);
    assertEquals(200, info.status());
    JsonObject manifests = info.json().getAsJsonObject("facegate").getAsJsonObject("manifests");
    assertTrue(manifests.getAsJsonObject("dlib-resnet-faceapi").has("files"), info.body());
    assertEquals(128, manifests.getAsJsonObject("dlib-resnet-faceapi").get("dimension").getAsInt());

    Answer swaggerUi = get(server, "/swagger-ui/index.html", null);
    assertEquals(200, swaggerUi.status());
    assertTrue(swaggerUi.body().contains("/swagger/facegate.yml"), "Swagger UI reads our spec");
    assertFalse(swaggerUi.body().contains("https://"), "Swagger UI loads nothing from a CDN");
    assertEquals(200, get(server, "/swagger-ui/res/swagger-ui-bundle.js", null).status());
    Answer page = get(server, "/ui/index.html", null);
    assertEquals(200, page.status());
    assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no CDN");

    assertEquals(404, get(server, "/beans", ADMIN).status(), "other management endpoints are off");
    assertEquals(404, get(server, "/env", ADMIN).status());
  }

  @Test
  @Order(4)
  void auditLogAndCropsSurviveARestartAndCropsGoWithThePerson() throws IOException {
    Path gallery = Files.createTempDirectory("facegate-ops-crops");
    EmbeddedServer first = start(gallery, true);
    try {
      assertEquals(201, enroll(first, "angela", "Angela_Bassett", 1).status());
      assertEquals(201, enroll(first, "boris", "Boris_Becker", 1).status());
      Answer verify =
          post(
              first,
              "/v1/verify",
              VERIFIER,
              new MultipartBody()
                  .photo("photo", Fixtures.lfw("Boris_Becker", 2))
                  .field("id", "angela"));
      assertFalse(verify.json().get("match").getAsBoolean(), verify.body());
      assertEquals(200, getBytes(first, "/v1/crops/angela", VERIFIER).statusCode());
    } finally {
      first.getApplicationContext().close();
    }
    try (Stream<Path> files = Files.list(gallery.resolve("crops"))) {
      assertEquals(2, files.count());
    }
    // A crop left behind by a crash between storing it and enrolling is deleted on start.
    Files.write(gallery.resolve("crops").resolve("Z2hvc3Q.png"), greyPng());

    EmbeddedServer second = start(gallery, true);
    try {
      HttpResponse<byte[]> crop = getBytes(second, "/v1/crops/angela", VERIFIER);
      assertEquals(200, crop.statusCode());
      assertEquals("image/png", crop.headers().firstValue("Content-Type").orElseThrow());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(crop.body()));
      assertEquals(150, image.getWidth());
      assertFalse(
          Files.exists(gallery.resolve("crops").resolve("Z2hvc3Q.png")), "stale crop deleted");

      assertEquals(204, send(second, "DELETE", "/v1/people/boris", ADMIN).status());
      try (Stream<Path> files = Files.list(gallery.resolve("crops"))) {
        assertEquals(1, files.count(), "boris's crop is deleted with him");
      }
      assertEquals(404, get(second, "/v1/crops/boris", VERIFIER).status());

      assertEquals(403, get(second, "/v1/audit", VERIFIER).status());
      Answer audit = get(second, "/v1/audit?limit=10", ADMIN);
      assertEquals(200, audit.status(), audit.body());
      JsonArray entries = audit.json().getAsJsonArray("entries");
      assertEquals(4, entries.size(), audit.body());
      assertEntry(entries.get(0), "admin#1", "enroll", "angela", "enrolled");
      assertEntry(entries.get(1), "admin#1", "enroll", "boris", "enrolled");
      assertEntry(entries.get(2), "verifier#1", "verify", "angela", "no_match");
      assertTrue(entries.get(2).getAsJsonObject().get("score").getAsDouble() < 0.90);
      assertEntry(entries.get(3), "admin#1", "delete", "boris", "deleted");
      assertEquals(
          1, get(second, "/v1/audit?limit=1", ADMIN).json().getAsJsonArray("entries").size());
    } finally {
      second.getApplicationContext().close();
    }
    String log = Files.readString(gallery.resolve("audit.log"));
    assertFalse(log.contains(ADMIN) || log.contains(VERIFIER), "keys are never written");
  }

  private static void assertEntry(
      JsonElement element, String who, String action, String subject, String outcome) {
    JsonObject entry = element.getAsJsonObject();
    assertEquals(who, entry.get("who").getAsString(), entry.toString());
    assertEquals(action, entry.get("action").getAsString(), entry.toString());
    assertEquals(subject, entry.get("subject").getAsString(), entry.toString());
    assertEquals(outcome, entry.get("outcome").getAsString(), entry.toString());
    assertTrue(entry.get("at").getAsString().endsWith("Z"), entry.toString());
  }

  private Answer enroll(EmbeddedServer target, String id, String person, int number) {
    return post(
        target,
        "/v1/people",
        ADMIN,
        new MultipartBody().photo("photo", Fixtures.lfw(person, number)).field("id", id));
  }

  private Answer post(EmbeddedServer target, String path, String key, MultipartBody body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.getURL() + path))
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    return call(request, key);
  }

  private Answer get(EmbeddedServer target, String path, String key) {
    return send(target, "GET", path, key);
  }

  private Answer send(EmbeddedServer target, String method, String path, String key) {
    return call(
        HttpRequest.newBuilder(URI.create(target.getURL() + path))
            .method(method, HttpRequest.BodyPublishers.noBody()),
        key);
  }

  private HttpResponse<byte[]> getBytes(EmbeddedServer target, String path, String key) {
    try {
      return client.send(
          HttpRequest.newBuilder(URI.create(target.getURL() + path))
              .header(AccessPolicy.HEADER, key)
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer call(HttpRequest.Builder request, String key) {
    if (key != null) {
      request.header(AccessPolicy.HEADER, key);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] greyPng() {
    BufferedImage grey = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 200; x++) {
        grey.setRGB(x, y, 0x808080);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(grey, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
