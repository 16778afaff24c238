package facegate.pose;

import ai.djl.Model;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import facegate.core.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the pose GAN's folders: the generator as {@link PoseGan} reads it, the discriminator. */
final class PoseGanFiles {
  private PoseGanFiles() {}

  /**
   * The generator's parameters and a {@code model.json} (config, step, last losses, and {@code
   * extra}'s fields: provenance, licence, measures) in {@code dir}, the manifest replaced
   * atomically.
   */
  static void save(
      Model generator,
      Path dir,
      PoseGanConfig config,
      int step,
      PoseGanTrainer.StepReport report,
      JsonObject extra) {
    try {
      Files.createDirectories(dir);
      generator.setProperty("Epoch", "0");
      generator.save(dir, PoseGan.NAME);
      JsonObject card = new JsonObject();
      card.addProperty("name", PoseGan.NAME);
      card.addProperty(
          "architecture",
          "StarGAN-style generator: image in [-1, 1] + one-hot pose domain planes -> image");
      card.addProperty("domains", String.join(",", domainLabels()));
      card.add("config", config.toJson());
      card.addProperty("steps", step);
      JsonObject losses = new JsonObject();
      losses.addProperty("generator", round(report.generatorLoss()));
      losses.addProperty("discriminator", round(report.discriminatorLoss()));
      losses.addProperty("identity", round(report.identityLoss()));
      losses.addProperty("reconstruction", round(report.reconstructionLoss()));
      losses.addProperty("imagesPerSecond", round(report.imagesPerSecond()));
      card.add("lastStep", losses);
      extra.entrySet().forEach(e -> card.add(e.getKey(), e.getValue()));
      writeAtomically(dir.resolve(PoseGan.MANIFEST), card);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the pose GAN to " + dir, e);
    }
  }

  static void saveDiscriminator(Model discriminator, Path dir) {
    try {
      Files.createDirectories(dir);
      discriminator.setProperty("Epoch", "0");
      discriminator.save(dir, "pose-gan-discriminator");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the discriminator to " + dir, e);
    }
  }

  /** Adds {@code fields} to the manifest of the generator in {@code dir}. */
  static void addToManifest(Path dir, JsonObject fields) {
    try {
      JsonObject card =
          com.google.gson.JsonParser.parseString(
                  Files.readString(dir.resolve(PoseGan.MANIFEST), StandardCharsets.UTF_8))
              .getAsJsonObject();
      fields.entrySet().forEach(e -> card.add(e.getKey(), e.getValue()));
      writeAtomically(dir.resolve(PoseGan.MANIFEST), card);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update " + dir.resolve(PoseGan.MANIFEST), e);
    }
  }

  private static String[] domainLabels() {
    PoseBucket[] buckets = PoseBucket.values();
    String[] labels = new String[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      labels[i] = buckets[i].label();
    }
    return labels;
  }

  private static double round(double value) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.5f", value));
  }

  private static void writeAtomically(Path file, JsonObject card) throws IOException {
    AtomicFiles.replace(
        file,
        new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(card) + "\n");
  }
}
