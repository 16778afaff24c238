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
import java.util.concurrent.atomic.AtomicInteger;
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
          "g1", new float[] {0.8f, 0, 0.6f, 0},
          "far", new float[] {0, 1, 0, 0},
          "near", new float[] {0.6f, 0.8f, 0, 0});

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
    return service(rawThreshold, null);
  }

  private FaceService service(double rawThreshold, FaceService.SingleViewEmbedder singleView) {
    return new FaceService(
        ScoreNormalizationTest::found,
        face -> List.of(),
        gallery,
        rawThreshold,
        rawThreshold,
        FaceCrops.NONE,
        singleView,
        OptionalDouble.empty());
  }

  private static FoundFace found(ProbePhoto photo) {
    return new FoundFace(
        new Embedding(VECTORS.get(new String(photo.bytes(), StandardCharsets.UTF_8))),
        new RgbImage(1, 1, new byte[3]),
        new Landmarks(new double[136]));
  }

  /**
   * The single-view first look on normalised scores, threshold 0 and margin 1 (normalised units).
   * "far" (= t) claiming t: cosine 1; both faces' top-2 union scores {0.8, 0} (a; g1), mean 0.4, sd
   * 0.4: normalised 1.5, decided from one view. "near" (= a): cosine 0.8, its top 2 {1 (a), 0.48
   * (g1)}, mean 0.74, sd 0.26: normalised ((0.8 - 0.74) / 0.26 + (0.8 - 0.4) / 0.4) / 2 = 0.6154,
   * within the margin, so its mirror is added: the mirror-summed probe is p (normalised -4), which
   * refuses what the single view alone would have accepted.
   */
  @Test
  void normalisedVerifyAddsTheMirrorOnlyWithinTheNormalisedMargin() {
    AtomicInteger mirrors = new AtomicInteger();
    FaceService.SingleViewEmbedder singleView =
        new FaceService.SingleViewEmbedder() {
          @Override
          public FoundFace singleView(ProbePhoto photo) {
            return found(photo);
          }

          @Override
          public Embedding withMirror(FoundFace face) {
            mirrors.incrementAndGet();
            return new Embedding(VECTORS.get("p"));
          }
        };
    FaceService raw = service(0.5, singleView);
    raw.enroll("t", "", bytes("t"));
    raw.enroll("g1", "", bytes("g1"));
    ScoreNormalization scoring =
        new ScoreNormalization(
            new CohortNormalizer(gallery, cohort, 2, 3), 0.0, OptionalDouble.of(1.0));
    FaceService normalized = raw.normalized(scoring, scoring.singleViewMargin());
    assertEquals(OptionalDouble.of(1.0), normalized.singleViewMargin());

    Verification far = normalized.verify(bytes("far"), "t");
    assertEquals(0, mirrors.get(), "a probe 1.5 from the threshold is decided from one view");
    assertTrue(far.match());
    assertEquals(1.0, far.score(), 1e-6);
    assertEquals(1.5, far.normalizedScore().getAsDouble(), 1e-5);

    Verification near = normalized.verify(bytes("near"), "t");
    assertEquals(1, mirrors.get(), "a probe 0.62 from the threshold gets the second look");
    assertFalse(near.match());
    assertEquals(0.0, near.score(), 1e-6);
    assertEquals(-4.0, near.normalizedScore().getAsDouble(), 1e-5);

    FaceService alwaysMirrored = raw.normalized(scoring, OptionalDouble.empty());
    Verification full = alwaysMirrored.verify(bytes("near"), "t");
    assertEquals(1, mirrors.get(), "without a margin the photo embedder's full embedding is used");
    assertEquals(0.6154, full.normalizedScore().getAsDouble(), 1e-4);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ScoreNormalization(
                new CohortNormalizer(gallery, cohort, 2, 3), 0.0, OptionalDouble.of(-1)));
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
        raw.normalized(
            new ScoreNormalization(new CohortNormalizer(gallery, cohort, 2, 3), 0.0),
            OptionalDouble.empty());
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
    NormalizationCard card = new NormalizationCard("cohort.bin", 2, 3, null, null, null, Map.of());
    card.writeTo(model);
    FaceException uncalibrated =
        assertThrows(FaceException.class, () -> CohortLoader.load(settings, gallery));
    assertEquals(ErrorCode.CONFIGURATION_INVALID, uncalibrated.errorCode());

    card.withThreshold(1.25, 1e-3, Map.of("threshold", "test")).writeTo(model);
    assertEquals(1.25, CohortLoader.load(settings, gallery).threshold());
    assertEquals(OptionalDouble.empty(), CohortLoader.load(settings, gallery).singleViewMargin());
    NormalizationCard.read(model)
        .orElseThrow()
        .withSingleViewMargin(0.75, Map.of("singleViewSummary", "test"))
        .writeTo(model);
    assertEquals(OptionalDouble.of(0.75), CohortLoader.load(settings, gallery).singleViewMargin());
    assertEquals(1.25, CohortLoader.load(settings, gallery).threshold(), "threshold kept");
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
