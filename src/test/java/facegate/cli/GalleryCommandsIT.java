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

  private static String photo(String person, int number) {
    return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, number)).toString();
  }

  @Test
  void enrollThenVerifyAndIdentifyFromTheSameFolder() {
    String folder = gallery.toString();
    Run enrolled =
        run(
            "enroll",
            "--gallery",
            folder,
            "--threshold",
            "0.9",
            "--id",
            "steffi",
            "--name",
            "Steffi Graf",
            photo("Steffi_Graf", 1));
    assertEquals(0, enrolled.exitCode(), enrolled.out());
    assertTrue(enrolled.out().contains("\"id\":\"steffi\""), enrolled.out());

    Run duplicate =
        run(
            "enroll",
            "--gallery",
            folder,
            "--threshold",
            "0.9",
            "--id",
            "steffi",
            photo("Steffi_Graf", 2));
    assertEquals(1, duplicate.exitCode());
    assertTrue(duplicate.out().contains("\"code\":\"person_exists\""), duplicate.out());

    Run same =
        run(
            "verify",
            "--gallery",
            folder,
            "--threshold",
            "0.9",
            "--id",
            "steffi",
            photo("Steffi_Graf", 2));
    assertEquals(0, same.exitCode(), same.out());
    assertTrue(same.out().contains("\"match\":true"), same.out());

    Run identified =
        run("identify", "--gallery", folder, "--threshold", "0.9", photo("Steffi_Graf", 3));
    assertEquals(0, identified.exitCode(), identified.out());
    assertTrue(identified.out().contains("\"unknown\":false"), identified.out());
    assertTrue(identified.out().contains("\"id\":\"steffi\""), identified.out());

    Run stranger =
        run(
            "verify",
            "--gallery",
            folder,
            "--threshold",
            "0.9",
            "--id",
            "steffi",
            photo("Thabo_Mbeki", 1));
    assertEquals(0, stranger.exitCode(), stranger.out());
    assertTrue(stranger.out().contains("\"match\":false"), stranger.out());
  }
}
