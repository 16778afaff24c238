package facegate.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The facegate API calls as {@code java.net.http} requests, for one server and one API key. */
public final class ApiRequests {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String key;

  /**
   * @param base e.g. {@code http://127.0.0.1:8080}
   * @param key the {@code X-API-Key} sent with every request
   */
  public ApiRequests(URI base, String key) {
    this.base = base;
    this.key = key;
  }

  /** {@code POST /v1/people}. */
  public HttpRequest enroll(String id, byte[] photo) {
    return post(
        "/v1/people", new Multipart().file("photo", "p.jpg", "image/jpeg", photo).field("id", id));
  }

  /** {@code POST /v1/verify} against an enrolled person. */
  public HttpRequest verify(String id, byte[] photo) {
    return post(
        "/v1/verify", new Multipart().file("photo", "p.jpg", "image/jpeg", photo).field("id", id));
  }

  /** {@code POST /v1/identify}. */
  public HttpRequest identify(byte[] photo, int k) {
    return post(
        "/v1/identify",
        new Multipart()
            .file("photo", "p.jpg", "image/jpeg", photo)
            .field("k", Integer.toString(k)));
  }

  /** {@code DELETE /v1/people/{id}}. */
  public HttpRequest delete(String id) {
    return builder("/v1/people/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).DELETE().build();
  }

  /** A multipart POST to {@code path}. */
  public HttpRequest post(String path, Multipart body) {
    return raw(path, body.contentType(), body.bytes());
  }

  /** A POST of any bytes with any content type (null: no Content-Type header). */
  public HttpRequest raw(String path, String contentType, byte[] body) {
    HttpRequest.Builder builder = builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return builder.build();
  }

  /** A request builder for {@code path} (already URL-encoded) carrying the key. */
  /**
   * A GET of {@code rawPath} exactly as written (e.g. {@code //v1/audit}, which {@link URI#resolve}
   * would read as a host name), with this caller's key.
   */
  public HttpRequest rawGet(String rawPath) {
    String root = base.toString().replaceAll("/+$", "");
    return HttpRequest.newBuilder(URI.create(root + rawPath))
        .timeout(TIMEOUT)
        .header("X-API-Key", key)
        .GET()
        .build();
  }

  public HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("X-API-Key", key);
  }
}
