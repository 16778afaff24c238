package facegate.vision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The LFW fixture JPEGs in src/test/resources/fixtures/lfw. */
public final class Fixtures {
  private Fixtures() {}

  public static List<Path> lfwImages() {
    try (Stream<Path> files = Files.walk(root())) {
      return files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] bytes(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The fixture photo {@code number} (1-9) of {@code person}, e.g. {@code Boris_Becker_0002.jpg}.
   */
  public static Path lfwPath(String person, int number) {
    return root().resolve(person).resolve(String.format("%s_%04d.jpg", person, number));
  }

  /** The bytes of {@link #lfwPath}. */
  public static byte[] lfw(String person, int number) {
    return bytes(lfwPath(person, number));
  }

  public static byte[] firstJpeg() {
    return bytes(lfwImages().get(0));
  }

  private static Path root() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/lfw").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
