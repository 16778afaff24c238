package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.embed.GraphFaceEmbedder;
import facegate.embed.LandmarkLocator;
import facegate.embed.NormalizationCard;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.vision.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gallery records the model of its templates; for a tfjs-graph model that is the name and the
 * input its card writes, so the corrected FaceRes input (BGR minus the VGG means, 2026-12-06) never
 * meets templates enrolled with the old one (RGB, no mean), although both cards are named {@code
 * faceres}.
 */
class GalleryModelIdentityTest {
  private static final Path FACERES = Path.of("models/faceres");

  @TempDir Path dir;

  @Test
  void aGalleryOfTheFormerFaceresInputIsRefusedAndLeftOnDisk() throws IOException {
    Path galleryDir = dir.resolve("gallery");
    // What facegate wrote before the correction: the card's name alone.
    try (Gallery old = HnswGallery.open(galleryDir, GalleryOptions.of("faceres", 1024))) {
      old.enroll("alice", "Alice", List.of(template()));
    }
    Map<Path, byte[]> before = contents(galleryDir);

    try (FaceRecognizer recognizer = recognizer(FACERES)) {
      assertEquals("faceres", recognizer.modelName(), "--model faceres still names it");
      assertEquals(
          recognizer.galleryModelName(),
          NormalizationCard.facts(FACERES).name(),
          "calibrate --gallery opens the gallery the service opens");
      FaceException refused =
          assertThrows(
              FaceException.class, () -> Composition.gallery(settings(galleryDir), recognizer));
      assertEquals(ErrorCode.GALLERY_MODEL_MISMATCH, refused.errorCode());
      assertTrue(refused.getMessage().contains("re-enroll"), refused.getMessage());
      assertTrue(refused.getMessage().contains("channelOrder=BGR"), refused.getMessage());
    }
    assertEquals(before.keySet(), contents(galleryDir).keySet(), "no file added or removed");
    contents(galleryDir)
        .forEach(
            (file, bytes) ->
                assertTrue(java.util.Arrays.equals(before.get(file), bytes), file + " unchanged"));
  }

  @Test
  void twoInputsOfOneGraphAreTwoGalleryModelsAndEachReopensItsOwn() throws IOException {
    Path formerCard = formerFaceresCard();
    Path corrected = dir.resolve("corrected");
    Path former = dir.resolve("former");
    try (FaceRecognizer now = recognizer(FACERES);
        FaceRecognizer before = recognizer(formerCard)) {
      assertEquals(now.modelName(), before.modelName());
      assertNotEquals(now.galleryModelName(), before.galleryModelName());
      try (Gallery gallery = Composition.gallery(settings(corrected), now)) {
        gallery.enroll("alice", "Alice", List.of(template()));
      }
      try (Gallery gallery = Composition.gallery(settings(former), before)) {
        gallery.enroll("bob", "Bob", List.of(template()));
      }
      assertEquals(
          ErrorCode.GALLERY_MODEL_MISMATCH,
          assertThrows(FaceException.class, () -> Composition.gallery(settings(corrected), before))
              .errorCode());
      assertEquals(
          ErrorCode.GALLERY_MODEL_MISMATCH,
          assertThrows(FaceException.class, () -> Composition.gallery(settings(former), now))
              .errorCode());
      try (Gallery gallery = Composition.gallery(settings(corrected), now)) {
        assertEquals(1, gallery.size());
        assertEquals(now.galleryModelName(), gallery.info().modelName());
      }
    }
  }

  /** A copy of models/faceres with the card it had before the correction: RGB, no mean. */
  private Path formerFaceresCard() throws IOException {
    Path model = dir.resolve("faceres-former");
    Files.createDirectories(model);
    for (String file : new String[] {"faceres.json", "faceres.bin"}) {
      Files.copy(FACERES.resolve(file), model.resolve(file));
    }
    JsonObject card =
        JsonParser.parseString(Files.readString(FACERES.resolve("model.json"))).getAsJsonObject();
    card.addProperty("channelOrder", "RGB");
    JsonArray zero = new JsonArray();
    for (int c = 0; c < 3; c++) {
      zero.add(0);
    }
    card.add("meanRgb", zero);
    Files.writeString(model.resolve("model.json"), card.toString());
    return model;
  }

  private static FaceRecognizer recognizer(Path model) {
    GraphFaceEmbedder embedder = GraphFaceEmbedder.load(model);
    return new FaceRecognizer(
        new ImageDecoder(), image -> List.of(), new NoLandmarks(), embedder, List.of(embedder));
  }

  private static ServiceSettings settings(Path galleryDir) {
    return ServiceSettings.folder(galleryDir, OptionalDouble.empty(), "--threshold");
  }

  private static Embedding template() {
    float[] values = new float[1024];
    values[0] = 1;
    return Embedding.normalize(values);
  }

  private static Map<Path, byte[]> contents(Path folder) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static final class NoLandmarks implements LandmarkLocator {
    @Override
    public int inputSize() {
      return 112;
    }

    @Override
    public List<Landmarks> locate(List<RgbImage> crops) {
      throw new AssertionError("no face is located here");
    }

    @Override
    public void close() {}
  }
}
