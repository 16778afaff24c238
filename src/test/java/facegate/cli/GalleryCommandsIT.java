package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** enroll, verify and identify through the command line, on a gallery folder, no server. */
class GalleryCommandsIT {
  private static final Path LFW = Path.of("src/test/resources/fixtures/lfw");

  @TempDir Path gallery;

  private record Run(int exitCode, String out) {}

  private Run run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(new FacegateCommand()).execute(args);
      return new Run(exit, captured.toString(StandardCharsets.UTF_8).strip());
    } finally {
      System.setOut(original);
    }
  }

  /** {@code command} on the test's gallery folder at threshold 0.9. */
  private Run onGallery(String command, String... rest) {
    String[] args = new String[rest.length + 5];
    args[0] = command;
    args[1] = "--gallery";
    args[2] = gallery.toString();
    args[3] = "--threshold";
    args[4] = "0.9";
    System.arraycopy(rest, 0, args, 5, rest.length);
    return run(args);
  }

  private static String photo(String person, int number) {
    return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, number)).toString();
  }

  @Test
  void enrollThenVerifyAndIdentifyFromTheSameFolder() {
    Run enrolled =
        onGallery("enroll", "--id", "steffi", "--name", "Steffi Graf", photo("Steffi_Graf", 1));
    assertEquals(0, enrolled.exitCode(), enrolled.out());
    assertTrue(enrolled.out().contains("\"id\":\"steffi\""), enrolled.out());

    Run duplicate = onGallery("enroll", "--id", "steffi", photo("Steffi_Graf", 2));
    assertEquals(1, duplicate.exitCode());
    assertTrue(duplicate.out().contains("\"code\":\"person_exists\""), duplicate.out());

    Run same = onGallery("verify", "--id", "steffi", photo("Steffi_Graf", 2));
    assertEquals(0, same.exitCode(), same.out());
    assertTrue(same.out().contains("\"match\":true"), same.out());

    Run identified = onGallery("identify", photo("Steffi_Graf", 3));
    assertEquals(0, identified.exitCode(), identified.out());
    assertTrue(identified.out().contains("\"unknown\":false"), identified.out());
    assertTrue(identified.out().contains("\"id\":\"steffi\""), identified.out());

    Run stranger = onGallery("verify", "--id", "steffi", photo("Thabo_Mbeki", 1));
    assertEquals(0, stranger.exitCode(), stranger.out());
    assertTrue(stranger.out().contains("\"match\":false"), stranger.out());
  }
}
