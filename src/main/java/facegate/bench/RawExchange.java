package facegate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request written on a plain socket: headers announcing a body of {@code contentLength} bytes,
 * then none of it. The server must answer from the headers alone. (The JDK client keeps uploading
 * after an early answer, so an oversized request cannot be tested with it.)
 */
public final class RawExchange {
  private RawExchange() {}

  /** The answer's status and body. */
  public record Answer(int status, String body) {}

  public static Answer headersOnly(URI base, String path, String key, long contentLength)
      throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
              + key
              + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: "
              + contentLength
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String statusLine = reader.readLine();
      if (statusLine == null) {
        throw new IOException("connection closed without an answer");
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      int length = 0;
      for (String line = reader.readLine();
          line != null && !line.isEmpty();
          line = reader.readLine()) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      char[] body = new char[length];
      int read = 0;
      while (read < length) {
        int n = reader.read(body, read, length - read);
        if (n < 0) {
          break;
        }
        read += n;
      }
      return new Answer(status, new String(body, 0, read));
    }
  }
}
