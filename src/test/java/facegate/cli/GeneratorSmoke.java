package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.train.FaceSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * What the smoke tests of {@code train-gan} and {@code train-repair} share: a short training run on
 * the fixture crops with its checks (summary line, finite losses, sample grids, manifest), a
 * fixture crop, and {@code augment} with the trained generator on one fixture photo.
 */
final class GeneratorSmoke {
  static final Path LFW = Path.of("src/test/resources/fixtures/lfw");
  private static final Pattern SUMMARY =
      Pattern.compile("steps=(\\d+) generator-loss=(\\S+) discriminator-loss=(\\S+)");

  private GeneratorSmoke() {}

  static String run(String... args) {
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exit(), run.out() + "\n" + run.err());
    return run.out();
  }

  /**
   * Runs {@code command} for 3 steps (grids at steps 2 and 3) with {@code batch} faces into {@code
   * model} (plus {@code extra} arguments), checks the summary, the grids and the manifest {@code
   * manifestName}; returns the command's output.
   */
  static String train(
      String command, Path model, String crops, int batch, String manifestName, String... extra)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--folder-dataset",
                LFW.toString(),
                "--crop-cache",
                crops,
                "--out",
                model.toString(),
                "--batch",
                String.valueOf(batch),
                "--max-steps",
                "3",
                "--sample-every",
                "2"));
    args.addAll(List.of(extra));
    String out = run(args.toArray(new String[0]));
    Matcher m = SUMMARY.matcher(out);
    assertTrue(m.find(), out);
    assertEquals("3", m.group(1));
    assertTrue(Double.isFinite(Double.parseDouble(m.group(2))), out);
    assertTrue(Double.isFinite(Double.parseDouble(m.group(3))), out);
    assertTrue(Files.size(model.resolve("samples/step-2.png")) > 0);
    assertTrue(Files.size(model.resolve("samples/step-3.png")) > 0);
    String card = Files.readString(model.resolve(manifestName));
    assertTrue(card.contains("\"dataHash\""), card);
    assertTrue(card.contains("\"imageSize\": 64"), card);
    return out;
  }

  /** The first fixture crop of the cache in {@code crops}. */
  static FaceSample fixtureCrop(String crops) {
    DatasetOptions options = new DatasetOptions();
    new CommandLine(options).parseArgs("--folder-dataset", LFW.toString(), "--crop-cache", crops);
    return options.loadOrBuild("crops").get(0);
  }

  /**
   * {@code augment --method method modelOption model} on one fixture photo into {@code work/views};
   * checks that the face was found and a contact sheet written; returns the output.
   */
  static String augment(Path work, String method, String modelOption, Path model) throws Exception {
    Path input = work.resolve("in");
    Files.createDirectories(input);
    Files.copy(LFW.resolve("Mick_Jagger/Mick_Jagger_0001.jpg"), input.resolve("a.jpg"));
    String augment =
        run(
            "augment",
            "--method",
            method,
            modelOption,
            model.toString(),
            "--images",
            input.toString(),
            "--out",
            work.resolve("views").toString());
    assertTrue(augment.contains("no-face=0"), augment);
    assertTrue(Files.size(work.resolve("views/contact-sheet.png")) > 0);
    return augment;
  }
}
