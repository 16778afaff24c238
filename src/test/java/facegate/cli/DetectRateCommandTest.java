package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DetectRateCommandTest {
  @Test
  void printsCountsWithTheSummaryLineLast() throws Exception {
    Path fixtures = Path.of(getClass().getResource("/fixtures/lfw").toURI());
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new FacegateCommand());
    cli.setOut(new PrintWriter(out));
    int exit =
        cli.execute(
            "detect-rate",
            "--images",
            fixtures.toString(),
            "--limit",
            "4",
            "--threads",
            "1",
            "--profile",
            "NEVER");
    assertEquals(0, exit, out.toString());
    String[] lines = out.toString().strip().split("\n");
    String last = lines[lines.length - 1];
    assertTrue(
        last.matches("images=4 detected=4 rate=1\\.0000 frontal=4 profile=0 ips=[0-9.]+"), last);
    assertTrue(out.toString().contains("centre=4"), out.toString());
  }

  @Test
  void measuresTheSsdDetectorWhenAsked() throws Exception {
    Path fixtures = Path.of(getClass().getResource("/fixtures/lfw").toURI());
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new FacegateCommand());
    cli.setOut(new PrintWriter(out));
    int exit =
        cli.execute(
            "detect-rate",
            "--detector",
            "ssd",
            "--min-confidence",
            "0.4",
            "--images",
            fixtures.toString(),
            "--limit",
            "2",
            "--threads",
            "1");
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().contains("minConfidence=0.4"), out.toString());
    assertTrue(out.toString().contains("images=2 detected=2 "), out.toString());
  }

  @Test
  void refusesAnUnknownDetector() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new FacegateCommand());
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("detect-rate", "--images", ".", "--detector", "mtcnn");
    assertEquals(2, exit, err.toString());
  }

  @Test
  void refusesAMissingFolder() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new FacegateCommand());
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("detect-rate", "--images", "/nonexistent/facegate-images");
    assertEquals(2, exit);
    assertTrue(err.toString().contains("not a folder"), err.toString());
  }
}
