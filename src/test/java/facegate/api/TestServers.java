package facegate.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** What the HTTP integration tests share: a fresh gallery folder per server, a blocking send. */
final class TestServers {
  private TestServers() {}

  /**
   * Server properties with {@code facegate.gallery-dir} set to a new temporary folder named after
   * {@code prefix}, plus {@code keyValues} (property, value, property, value, ...).
   */
  static Map<String, String> withTemporaryGallery(String prefix, String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("properties come in pairs: " + keyValues.length);
    }
    Map<String, String> properties = new HashMap<>();
    try {
      properties.put("facegate.gallery-dir", Files.createTempDirectory(prefix).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.put(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }

  /** Sends {@code request}, reading the body as text; I/O failures are unchecked. */
  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
