package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eval --report}, {@code identify-eval --report} and {@code calibrate} on the fixture images
 * with the real models: the pages reference plots that decode, and calibration writes into a copy
 * of the model's manifest.
 */
class EvaluationReportsIT {
  private static final Path LFW = Path.of("src/test/resources/fixtures/lfw");
  private static final Path PAIRS = Path.of("src/test/resources/fixtures/pairs-fixtures.txt");
  private static final Pattern IMAGE =
      Pattern.compile("data-file=\"([^\"]+)\" src=\"data:image/png;base64,([^\"]+)\"");

  @TempDir Path work;

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = new CommandLine(new FacegateCommand()).execute(args);
      String out = captured.toString(StandardCharsets.UTF_8);
      assertEquals(0, exit, out);
      return out;
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void reportsAndCalibrationOnTheFixtures() throws IOException {
    Path report = work.resolve("report");
    Path model = copyOfTheModel();
    String cache = work.resolve("embeddings.cache").toString();
    String[] models = {"--model", model.toString(), "--cache", cache};

    String eval =
        run(
            concat(
                List.of(
                    "eval",
                    "--images",
                    LFW.toString(),
                    "--pairs",
                    PAIRS.toString(),
                    "--report",
                    report.toString()),
                models));
    assertTrue(eval.contains("fold=1 threshold="), eval);
    assertTrue(eval.contains("method=\"logistic regression on |f1 − f2|"), eval);
    assertPage(report.resolve("verification.html"), List.of("roc.png", "det.png", "scores.png"));

    Path people = peopleWithDistractors();
    run(
        concat(
            List.of("identify-eval", "--images", people.toString(), "--report", report.toString()),
            models));
    assertPage(report.resolve("identification.html"), List.of("cmc.png", "open-set.png"));

    String calibrated =
        run(
            concat(
                List.of(
                    "calibrate",
                    "--images",
                    LFW.toString(),
                    "--pairs",
                    PAIRS.toString(),
                    "--identify-images",
                    people.toString(),
                    "--far",
                    "1e-1,1e-2"),
                models));
    assertTrue(calibrated.contains("identifyThreshold="), calibrated);
    JsonObject manifest =
        JsonParser.parseString(Files.readString(model.resolve("model.json"))).getAsJsonObject();
    assertTrue(manifest.has("identifyThreshold"), manifest.toString());
    JsonObject points = manifest.getAsJsonObject("operatingPoints");
    assertTrue(points.has("far1e-1") && points.has("fpir1e-2"), points.toString());
    assertEquals("dlib-resnet-faceapi", manifest.get("name").getAsString());
    assertTrue(
        manifest
            .getAsJsonObject("calibration")
            .get("command")
            .getAsString()
            .startsWith("facegate calibrate --images"));
  }

  /** The page embeds each plot, links the file beside it, and both decode to the same PNG. */
  private static void assertPage(Path page, List<String> plots) throws IOException {
    String html = Files.readString(page);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    Matcher images = IMAGE.matcher(html);
    int found = 0;
    while (images.find()) {
      String file = images.group(1);
      assertTrue(plots.contains(file), file);
      assertTrue(html.contains("href=\"" + file + "\""), file);
      byte[] embedded = Base64.getDecoder().decode(images.group(2));
      byte[] beside = Files.readAllBytes(page.resolveSibling(file));
      assertArrayEquals(beside, embedded, file);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(beside));
      assertNotNull(image, file + " does not decode");
      assertEquals(720, image.getWidth(), file);
      found++;
    }
    assertEquals(plots.size(), found, html.length() + " chars, plots " + plots);
  }

  private Path copyOfTheModel() throws IOException {
    Path model = work.resolve("model");
    Files.createDirectories(model);
    try (Stream<Path> files = Files.list(Path.of("models/dlib-resnet-faceapi"))) {
      for (Path file : files.toList()) {
        Files.copy(file, model.resolve(file.getFileName()));
      }
    }
    return model;
  }

  /** The fixture people, of whom four keep only their first image (distractors). */
  private Path peopleWithDistractors() throws IOException {
    Path people = work.resolve("people");
    List<Path> folders;
    try (Stream<Path> listing = Files.list(LFW)) {
      folders = listing.filter(Files::isDirectory).sorted().toList();
    }
    for (int i = 0; i < folders.size(); i++) {
      Path target = Files.createDirectories(people.resolve(folders.get(i).getFileName()));
      List<Path> images;
      try (Stream<Path> listing = Files.list(folders.get(i))) {
        images = listing.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
      }
      for (Path image : i < 4 ? images.subList(0, 1) : images) {
        Files.copy(image, target.resolve(image.getFileName()));
      }
    }
    return people;
  }

  private static String[] concat(List<String> first, String[] rest) {
    return Stream.concat(first.stream(), Stream.of(rest)).toArray(String[]::new);
  }
}
