package facegate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.RgbImage;
import facegate.embed.DjlFaceEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} for a few steps on the 36 fixture images: the crops are cut by the real pipeline,
 * the loss stays finite, and the saved folder loads through the service's embedder and embeds.
 * ({@code --resume} of a batch-norm network fails in PyTorch's batch norm backward; see README.)
 */
class TrainSmokeIT {
  private static final Path LFW = Path.of("src/test/resources/fixtures/lfw");
  private static final Pattern SUMMARY =
      Pattern.compile("objective=(\\S+) steps=(\\d+) .* images/s=(\\S+) loss=(\\S+) active=(\\S+)");

  @TempDir Path work;

  /** Standard error of the last {@link #train} call: the progress and validation lines. */
  private String lastProgress = "";

  private String train(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "train",
                "--folder-dataset",
                LFW.toString(),
                "--crop-cache",
                work.resolve("crops").toString(),
                "--out",
                work.resolve("model").toString(),
                "--p",
                "4",
                "--k",
                "2",
                "--input-size",
                "48",
                "--validate-every",
                "2",
                "--validation-fraction",
                "0.3",
                "--miner",
                "batch-all"));
    args.addAll(List.of(extra));
    CliRun run = CliRun.of(args.toArray(new String[0]));
    lastProgress = run.err();
    assertEquals(0, run.exit(), run.out() + "\n" + lastProgress);
    return run.out();
  }

  private static Map<String, String> summary(String out) {
    Matcher m = SUMMARY.matcher(out);
    assertTrue(m.find(), "no summary line in: " + out);
    return Map.of(
        "steps", m.group(2), "images/s", m.group(3), "loss", m.group(4), "active", m.group(5));
  }

  @Test
  void trainsSavesAndReloads() throws Exception {
    Map<String, String> first = summary(train("--max-steps", "4"));
    assertEquals("4", first.get("steps"));
    double loss = Double.parseDouble(first.get("loss"));
    assertTrue(Double.isFinite(loss) && loss >= 0, "loss " + loss);
    assertTrue(Double.parseDouble(first.get("images/s")) > 0);

    Path model = work.resolve("model");
    assertTrue(Files.isRegularFile(model.resolve("model.json")));
    String card = Files.readString(model.resolve("model.json"));
    assertTrue(card.contains("\"architecture\": \"facegate-small-resnet\""), card);
    assertTrue(card.contains("\"dataHash\""), card);
    assertTrue(card.contains("\"seed\": 1"), card);
    try (DjlFaceEmbedder embedder = DjlFaceEmbedder.load(model, 1, 4)) {
      assertEquals(48, embedder.inputSize());
      byte[] rgb = new byte[48 * 48 * 3];
      for (int i = 0; i < rgb.length; i++) {
        rgb[i] = (byte) (i * 31);
      }
      Embedding embedding = embedder.embed(List.of(new RgbImage(48, 48, rgb))).get(0);
      assertEquals(128, embedding.values().length);
      double norm = 0;
      for (float v : embedding.values()) {
        assertTrue(Float.isFinite(v));
        norm += v * v;
      }
      assertEquals(1.0, norm, 1e-4);
    }
  }

  @Test
  void trainsWithThePoseAugmentationsOfTheShippedRendererAndGan() throws Exception {
    // 3d+gan: each replaced chip is a view of the 3D renderer or of models/pose-gan
    Map<String, String> run = summary(train("--max-steps", "2", "--augment", "classic+3d+gan"));
    assertEquals("2", run.get("steps"));
    assertTrue(Double.isFinite(Double.parseDouble(run.get("loss"))), run.toString());
    String card = Files.readString(work.resolve("model").resolve("model.json"));
    assertTrue(card.contains("classic+3d+gan"), card);
  }

  @Test
  void resumesFromTheCheckpoint() {
    assertEquals("4", summary(train("--max-steps", "4")).get("steps"));
    // Before batch norm's running statistics were kept off the gradient, this failed in PyTorch:
    // "native_batch_norm is not differentiable with respect to running_mean".
    assertEquals("6", summary(train("--max-steps", "6", "--resume")).get("steps"));
    assertTrue(lastProgress.contains("step 6 validation"), lastProgress);
    assertFalse(lastProgress.contains("step 2 validation"), "started over: " + lastProgress);
  }
}
