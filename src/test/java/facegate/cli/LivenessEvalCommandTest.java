package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.liveness.TextureLivenessModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code liveness-eval} end to end on the 6 NUAA fixture frames (3 subjects, live and photo). */
class LivenessEvalCommandTest {
  @Test
  void crossValidatesBySubjectWritesTheReportAndSavesTheModel(@TempDir Path work) throws Exception {
    Path data = Path.of(getClass().getResource("/fixtures/nuaa").toURI());
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new FacegateCommand());
    cli.setOut(new PrintWriter(out));
    int exit =
        cli.execute(
            "liveness-eval",
            "--data",
            data.toString(),
            "--crop-scales",
            "1.0,2.0",
            "--report",
            work.resolve("report").toString(),
            "--save",
            work.resolve("model").toString(),
            "--threads",
            "1");
    assertEquals(0, exit, out.toString());
    String text = out.toString();
    assertTrue(text.contains("frames 6, no face found in 0"), text);
    assertTrue(
        text.matches("(?s).*APCER=[0-9.]+ \\([0-3]/3\\) BPCER=[0-9.]+ \\([0-3]/3\\).*"), text);
    assertTrue(Files.size(work.resolve("report/det.png")) > 0);
    assertTrue(Files.readString(work.resolve("report/liveness.html")).contains("Per subject"));
    List<String> scores = Files.readAllLines(work.resolve("report/scores.tsv"));
    assertEquals(7, scores.size(), "header and one line per frame: " + scores);
    TextureLivenessModel model = TextureLivenessModel.read(work.resolve("model"));
    assertArrayEquals(new double[] {1.0, 2.0}, model.cropScales());
    assertTrue(model.threshold() >= 0 && model.threshold() <= 1);
    assertEquals(6.0, ((Number) model.manifest().get("frames")).doubleValue());
  }
}
