package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.embed.NormalizationCard;
import facegate.gallery.CohortNormalizer;
import facegate.gallery.FaceCrops;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.gallery.TemplateCohort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify on normalised scores, with the vectors of {@code CohortNormalizerTest}: the probe p = e1
 * claiming t = e2 has cosine 0 and normalised score -4 (default cohort a, b; gallery t, g1).
 */
class ScoreNormalizationTest {
  private static final Map<String, float[]> VECTORS =
      Map.of(
          "p", new float[] {1, 0, 0, 0},
          "t", new float[] {0, 1, 0, 0},
          "g1", new float[] {0.8f, 0, 0.6f, 0});

  @TempDir Path folder;
  private Gallery gallery;
  private TemplateCohort cohort;

  @BeforeEach
  void open() {
    gallery = HnswGallery.open(folder.resolve("gallery"), GalleryOptions.of("fake", 4));
    cohort =
        new TemplateCohort(
            List.of(
                new Embedding(new float[] {0.6f, 0.8f, 0, 0}),
                new Embedding(new float[] {0, 0, 1, 0})),
            List.of("a", "b"));
  }

  @AfterEach
  void close() {
    gallery.close();
  }

  private FaceService service(double rawThreshold) {
    FaceService.PhotoEmbedder embedder =
        photo ->
            new FoundFace(
                new Embedding(VECTORS.get(new String(photo.bytes(), StandardCharsets.UTF_8))),
                new RgbImage(1, 1, new byte[3]),
                new Landmarks(new double[136]));
    return new FaceService(
        embedder,
        face -> List.of(),
        gallery,
        rawThreshold,
        rawThreshold,
        FaceCrops.NONE,
        null,
        OptionalDouble.empty());
  }

  @Test
  void anImpostorTheRawThresholdAcceptsIsRefusedAfterNormalisation() {
    FaceService raw = service(-0.5);
    raw.enroll("t", "", bytes("t"));
    raw.enroll("g1", "", bytes("g1"));
    Verification before = raw.verify(bytes("p"), "t");
    assertTrue(before.match());
    assertTrue(before.normalizedScore().isEmpty());

    FaceService normalized =
        raw.normalized(new ScoreNormalization(new CohortNormalizer(gallery, cohort, 2, 3), 0.0));
    Verification after = normalized.verify(bytes("p"), "t");
    assertFalse(after.match());
    assertEquals(0.0, after.score(), 1e-6);
    assertEquals(-4.0, after.normalizedScore().getAsDouble(), 1e-5);
    assertEquals(0.0, after.threshold());
    assertEquals(-0.5, after.rawThreshold());
    assertEquals(OptionalDouble.of(0.0), normalized.normalizedThreshold());
  }

  @Test
  void theCalibratedThresholdReachesTheService() throws Exception {
    Path model = folder.resolve("model");
    Files.createDirectories(model);
    Files.writeString(
        model.resolve("model.json"),
        "{\"name\": \"fake\", \"architecture\": \"x\", \"inputSize\": 2, \"channelOrder\":"
            + " \"RGB\", \"meanRgb\": [0, 0, 0], \"scale\": 1, \"dimension\": 4}");
    cohort.write(model.resolve("cohort.bin"));
    NormalizationSettings settings =
        new NormalizationSettings(true, model, OptionalDouble.empty(), Set.of());
    NormalizationCard card = new NormalizationCard("cohort.bin", 2, 3, null, null, Map.of());
    card.writeTo(model);
    FaceException uncalibrated =
        assertThrows(FaceException.class, () -> CohortLoader.load(settings, gallery));
    assertEquals(ErrorCode.CONFIGURATION_INVALID, uncalibrated.errorCode());

    card.withThreshold(1.25, 1e-3, Map.of("threshold", "test")).writeTo(model);
    assertEquals(1.25, CohortLoader.load(settings, gallery).threshold());
    assertEquals("fake", NormalizationCard.facts(model).name());
    NormalizationSettings operator =
        new NormalizationSettings(true, model, OptionalDouble.of(2.0), Set.of());
    assertEquals(2.0, CohortLoader.load(operator, gallery).threshold());
    NormalizationSettings leaky =
        new NormalizationSettings(true, model, OptionalDouble.empty(), Set.of("a"));
    assertThrows(FaceException.class, () -> CohortLoader.load(leaky, gallery));
  }

  private static byte[] bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }
}
