package facegate.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body built part by part, for {@code java.net.http}. */
public final class Multipart {
  private final String boundary;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public Multipart(String boundary) {
    this.boundary = boundary;
  }

  public Multipart() {
    this("facegate-bench-boundary-7f3a9c");
  }

  /** Adds a text field. */
  public Multipart field(String name, String value) {
    return part(name, null, "text/plain; charset=UTF-8", value.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a file part. */
  public Multipart file(String name, String filename, String contentType, byte[] bytes) {
    return part(name, filename, contentType, bytes);
  }

  private Multipart part(String name, String filename, String contentType, byte[] bytes) {
    StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
    head.append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (filename != null) {
      head.append("; filename=\"").append(filename).append('"');
    }
    head.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
    body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The value of the request's {@code Content-Type} header. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The body with its closing boundary (the builder stays usable). */
  public byte[] bytes() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(body.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return copy.toByteArray();
  }
}
