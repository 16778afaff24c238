package facegate.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A hand-built multipart/form-data body for tests (the JDK's HttpClient has no builder). */
final class MultipartBody {
  private final String boundary = "facegate-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  MultipartBody field(String name, String value) {
    header("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
    write(value.getBytes(StandardCharsets.UTF_8));
    write("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  MultipartBody file(String name, String fileName, String contentType, byte[] content) {
    header(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n");
    write(content);
    write("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  MultipartBody photo(String name, byte[] content) {
    return file(name, name + ".jpg", "image/jpeg", content);
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] bytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(out.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return all.toByteArray();
  }

  private void header(String text) {
    write(("--" + boundary + "\r\n" + text).getBytes(StandardCharsets.UTF_8));
  }

  private void write(byte[] bytes) {
    out.writeBytes(bytes);
  }
}
