package facegate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import facegate.core.Embedding;
import facegate.core.ErrorCode;
import facegate.core.FaceException;
import facegate.core.Landmarks;
import facegate.core.Person;
import facegate.core.RgbImage;
import facegate.gallery.FaceCrops;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decisions, on a real gallery and a fake embedder whose "photos" are names of known vectors:
 * cosine(alice, alice2) = 0.8, cosine(alice, alice3) = 0.6, bob and carol orthogonal to alice.
 */
class FaceServiceTest {
  private static final double THRESHOLD = 0.7;

  private static final Map<String, float[]> VECTORS =
      Map.of(
          "alice", new float[] {1, 0, 0, 0},
          "alice2", new float[] {0.8f, 0.6f, 0, 0},
          "alice3", new float[] {0.6f, 0, 0.8f, 0},
          "alice-exact", new float[] {0.7f, (float) Math.sqrt(1 - 0.49), 0, 0},
          "bob", new float[] {0, 0, 0, 1},
          "carol", new float[] {0, 0, 1, 0});

  @TempDir Path folder;
  private Gallery gallery;
  private FaceService service;
  private final List<String> embedded = new ArrayList<>();

  @BeforeEach
  void open() {
    gallery = HnswGallery.open(folder, GalleryOptions.of("fake", 4));
    service = service(THRESHOLD, THRESHOLD, null, OptionalDouble.empty());
  }

  @AfterEach
  void close() {
    gallery.close();
  }

  private FoundFace face(ProbePhoto photo) {
    return new FoundFace(
        embed(photo.bytes()), new RgbImage(1, 1, new byte[3]), new Landmarks(new double[136]));
  }

  /** Two fake pose views: the face's vector rotated into the two unused axes. */
  private List<Embedding> views(FoundFace face) {
    return List.of(
        Embedding.normalize(new float[] {0, 0, 1, 1}),
        Embedding.normalize(new float[] {1, 0, 0, 1}));
  }

  private Embedding embed(byte[] photo) {
    String name = new String(photo, StandardCharsets.UTF_8);
    embedded.add(name);
    float[] vector = VECTORS.get(name);
    if (vector == null) {
      throw new FaceException(ErrorCode.NO_FACE, "no face in " + name);
    }
    return Embedding.normalize(vector);
  }

  private static byte[] photo(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void enrollsAndRefusesDuplicatesBeforeEmbedding() {
    Person alice = service.enroll("alice", "Alice A.", photo("alice")).person();
    assertEquals(new Person("alice", "Alice A.", 1, alice.enrolledAt()), alice);
    embedded.clear();
    assertCode(ErrorCode.PERSON_EXISTS, () -> service.enroll("alice", null, photo("bob")));
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> service.enroll("bad id", null, photo("bob")));
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> service.enroll("x", "n".repeat(257), photo("b")));
    assertEquals(List.of(), embedded, "invalid requests must fail before inference");
    assertCode(ErrorCode.NO_FACE, () -> service.enroll("dave", null, photo("wall")));
    assertEquals(1, gallery.size());
  }

  @Test
  void verifiesAgainstAPersonsBestTemplateWithScoreAtThresholdAccepted() {
    service.enroll("alice", "", photo("alice"));
    gallery.addTemplates("alice", List.of(Embedding.normalize(new float[] {0, 0, 1, 0})));
    service.enroll("bob", "", photo("bob"));

    Verification same = service.verify(photo("alice2"), "alice");
    assertTrue(same.match());
    assertEquals(0.8, same.score(), 1e-6);
    assertEquals(THRESHOLD, same.threshold());

    // alice3 scores 0.6 with the first template and 0.8 with the added one: best template counts.
    assertEquals(0.8, service.verify(photo("alice3"), "alice").score(), 1e-6);

    Verification other = service.verify(photo("alice2"), "bob");
    assertFalse(other.match());
    assertEquals(0.0, other.score(), 1e-6);

    Verification exact = service.verify(photo("alice-exact"), "alice");
    assertEquals(THRESHOLD, exact.score(), 1e-6);
    assertEquals(exact.score() >= THRESHOLD, exact.match());

    embedded.clear();
    assertCode(ErrorCode.PERSON_NOT_FOUND, () -> service.verify(photo("alice"), "nobody"));
    assertEquals(List.of(), embedded, "an unknown person must fail before inference");
  }

  @Test
  void singleViewProbesAreReScoredMirroredOnlyNearTheThreshold() {
    List<String> mirrored = new ArrayList<>();
    FaceService.SingleViewEmbedder singleView =
        new FaceService.SingleViewEmbedder() {
          // The chip alone scores 0.79 (clear) or 0.72 (near 0.7); the mirrored sums 0.8 / 0.68.
          @Override
          public FoundFace singleView(ProbePhoto photo) {
            String name = new String(photo.bytes(), StandardCharsets.UTF_8);
            return new FoundFace(
                unitAt(name.equals("near") ? 0.72 : 0.79),
                new RgbImage(1, 1, new byte[] {(byte) name.length(), 0, 0}),
                new Landmarks(new double[136]));
          }

          @Override
          public Embedding withMirror(FoundFace face) {
            mirrored.add(face.embedding().toString());
            return unitAt(face.chip().rgb()[0] == 4 ? 0.68 : 0.8);
          }
        };
    FaceService singleViewService =
        service(THRESHOLD, THRESHOLD, singleView, OptionalDouble.of(0.05));
    singleViewService.enroll("alice", "", photo("alice"));

    Verification clear = singleViewService.verify(photo("clear"), "alice");
    assertTrue(clear.match());
    assertEquals(0.79, clear.score(), 1e-6, "far from the threshold: the single view decides");
    assertEquals(List.of(), mirrored);

    Verification near = singleViewService.verify(photo("near"), "alice");
    assertEquals(1, mirrored.size(), "within the margin: the mirrored chip is added");
    assertFalse(near.match(), "the full embedding's score decides: 0.68 < 0.7");
    assertEquals(0.68, near.score(), 1e-6);

    assertThrows(
        IllegalArgumentException.class,
        () -> service(THRESHOLD, THRESHOLD, singleView, OptionalDouble.of(-0.1)));
  }

  private FaceService service(
      double threshold,
      double identifyThreshold,
      FaceService.SingleViewEmbedder singleView,
      OptionalDouble singleViewMargin) {
    return new FaceService(
        this::face,
        this::views,
        gallery,
        threshold,
        identifyThreshold,
        FaceCrops.NONE,
        singleView,
        singleViewMargin);
  }

  /** A unit vector whose cosine with alice's (1, 0, 0, 0) is {@code cosine}. */
  private static Embedding unitAt(double cosine) {
    return Embedding.normalize(
        new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine), 0, 0});
  }

  @Test
  void poseViewsAreStoredAsExtraTemplatesAndVerifyTakesTheBest() {
    Person plain = service.enroll("alice", "", photo("alice")).person();
    assertEquals(1, plain.templates());
    // carol's vector is orthogonal to alice's photo, 0.707 from the first fake view
    assertFalse(service.verify(photo("carol"), "alice").match());

    Person withViews = service.enroll("alice-posed", "", photo("alice"), true).person();
    assertEquals(3, withViews.templates());
    Verification turned = service.verify(photo("carol"), "alice-posed");
    assertTrue(turned.match(), turned.toString());
    assertEquals(Math.sqrt(0.5), turned.score(), 1e-6);
  }

  @Test
  void verifiesTwoPhotos() {
    Verification same = service.verifyPhotos(photo("alice"), photo("alice2"));
    assertTrue(same.match());
    assertEquals(0.8, same.score(), 1e-6);
    Verification different = service.verifyPhotos(photo("alice"), photo("alice3"));
    assertFalse(different.match());
    assertEquals(0.6, different.score(), 1e-6);
    assertCode(ErrorCode.NO_FACE, () -> service.verifyPhotos(photo("alice"), photo("wall")));
  }

  @Test
  void identifiesAndCallsAProbeUnknownWhenNoCandidateReachesTheThreshold() {
    service.enroll("alice", "Alice", photo("alice"));
    service.enroll("bob", "Bob", photo("bob"));
    service.enroll("carol", "Carol", photo("carol"));

    Identification known = service.identify(photo("alice2"), 2);
    assertFalse(known.unknown());
    assertEquals(2, known.candidates().size());
    assertEquals("alice", known.candidates().get(0).personId());
    assertEquals("Alice", known.candidates().get(0).name());
    assertEquals(0.8, known.candidates().get(0).score(), 1e-6);

    // alice3: 0.6 with alice, 0.8 with carol -> carol, known.
    Identification carol = service.identify(photo("alice3"), 5);
    assertEquals("carol", carol.candidates().get(0).personId());
    assertEquals(3, carol.candidates().size());

    gallery.remove("carol");
    Identification unknown = service.identify(photo("alice3"), 5);
    assertTrue(unknown.unknown(), "best score 0.6 < 0.7");
    assertEquals("alice", unknown.candidates().get(0).personId());

    assertCode(ErrorCode.MALFORMED_REQUEST, () -> service.identify(photo("alice"), 0));
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> service.identify(photo("alice"), 101));
  }

  @Test
  void identificationUsesItsOwnStricterThresholdWhileVerificationKeepsTheVerifyOne() {
    FaceService strict = service(THRESHOLD, 0.85, null, OptionalDouble.empty());
    strict.enroll("alice", "Alice", photo("alice"));
    Identification identified = strict.identify(photo("alice2"), 1);
    assertTrue(identified.unknown(), "0.8 is below the identify threshold 0.85");
    assertEquals(0.85, identified.threshold());
    assertTrue(strict.verify(photo("alice2"), "alice").match(), "0.8 passes the verify 0.7");
  }

  @Test
  void anExplicitVerifyThresholdAlsoGovernsIdentification() {
    assertEquals(
        0.95,
        FaceService.resolveIdentifyThreshold(
            OptionalDouble.empty(), OptionalDouble.of(0.95), 0.91));
    assertEquals(
        0.91,
        FaceService.resolveIdentifyThreshold(OptionalDouble.empty(), OptionalDouble.empty(), 0.91));
    assertEquals(
        0.8,
        FaceService.resolveIdentifyThreshold(OptionalDouble.of(0.8), OptionalDouble.of(0.95), 0.8));
  }

  @Test
  void anEmptyGalleryIdentifiesNobody() {
    Identification result = service.identify(photo("alice"), 5);
    assertTrue(result.unknown());
    assertEquals(List.of(), result.candidates());
  }

  @Test
  void listsGetsAndRemovesPeople() {
    for (String id : List.of("c", "a", "b")) {
      service.enroll(id, id.toUpperCase(), photo("alice"));
    }
    assertEquals(List.of("b", "c"), ids(service.people(1, 50).people()));
    assertEquals(3, service.people(1, 50).total());
    assertEquals(List.of("a"), ids(service.people(0, 1).people()));
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> service.people(0, 501));
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> service.people(0, 0));
    assertCode(ErrorCode.MALFORMED_REQUEST, () -> service.people(-1, 10));
    assertEquals("B", service.person("b").name());
    service.remove("b");
    assertCode(ErrorCode.PERSON_NOT_FOUND, () -> service.person("b"));
    assertCode(ErrorCode.PERSON_NOT_FOUND, () -> service.remove("b"));
    assertEquals(List.of("a", "c"), ids(service.people(0, 500).people()));
  }

  @Test
  void configuredThresholdWinsOverTheModelsAndNeitherIsAClearError() {
    assertEquals(
        0.5,
        FaceService.resolveThreshold(
            OptionalDouble.of(0.5), OptionalDouble.of(0.9), "--threshold"));
    assertEquals(
        0.9,
        FaceService.resolveThreshold(
            OptionalDouble.empty(), OptionalDouble.of(0.9), "--threshold"));
    FaceException none =
        assertThrows(
            FaceException.class,
            () ->
                FaceService.resolveThreshold(
                    OptionalDouble.empty(), OptionalDouble.empty(), "--threshold"));
    assertEquals(ErrorCode.CONFIGURATION_INVALID, none.errorCode());
    assertTrue(none.getMessage().contains("--threshold"), none.getMessage());
    assertCode(
        ErrorCode.CONFIGURATION_INVALID,
        () ->
            FaceService.resolveThreshold(
                OptionalDouble.of(Double.NaN), OptionalDouble.empty(), ""));
    assertCode(
        ErrorCode.CONFIGURATION_INVALID, () -> service(1.01, 1.01, null, OptionalDouble.empty()));
  }

  private static List<String> ids(List<Person> people) {
    return people.stream().map(Person::id).toList();
  }

  private static void assertCode(ErrorCode code, Runnable call) {
    FaceException e = assertThrows(FaceException.class, call::run);
    assertEquals(code, e.errorCode(), e.getMessage());
  }
}
