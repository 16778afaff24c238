package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.Embedding;
import facegate.gallery.CohortNormalizer;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.gallery.TemplateCohort;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved cohort cosines reproduce the service's normalised score for every k and rule. Same
 * exact 4-d vectors as {@code CohortNormalizerTest}: probe p = e1 claims t = e2 (cosine 0).
 *
 * <pre>
 *   default cohort: a = (.6,.8,0,0)  p: .6  t: .8      gallery people besides t:
 *                   b = (0,0,1,0)    p: 0   t: 0         g1 = (.8,0,.6,0)  p: .8  t: 0
 *                                                        g2 = (0,.6,.8,0)  p: 0   t: .6
 *                                                        g3 = (0,0,0,1)    p: 0   t: 0
 * </pre>
 */
class CohortScoresTest {
  private static final Embedding P = vector(1, 0, 0, 0);
  private static final Embedding T = vector(0, 1, 0, 0);
  private static final TemplateCohort DEFAULTS =
      new TemplateCohort(List.of(vector(0.6f, 0.8f, 0, 0), vector(0, 0, 1, 0)), List.of("a", "b"));

  @TempDir Path folder;
  private Gallery gallery;

  @BeforeEach
  void open() {
    gallery = HnswGallery.open(folder, GalleryOptions.of("fake", 4));
    gallery.enroll("t", "", List.of(T));
    gallery.enroll("g1", "", List.of(vector(0.8f, 0, 0.6f, 0)));
    gallery.enroll("g2", "", List.of(vector(0, 0.6f, 0.8f, 0)));
    gallery.enroll("g3", "", List.of(vector(0, 0, 0, 1)));
  }

  @AfterEach
  void close() {
    gallery.close();
  }

  @Test
  void listsAreTheHighestCosinesWithoutTheClaimedPerson() {
    CohortScores scores = CohortScores.of(P, "t", gallery, DEFAULTS, 2);
    assertEquals(0, scores.raw(), 1e-6);
    assertEquals(3, scores.otherPeople());
    assertArrayEquals(new double[] {0.6, 0}, scores.probeDefault(), 1e-6);
    assertArrayEquals(new double[] {0.8, 0}, scores.probeGallery(), 1e-6);
    assertArrayEquals(new double[] {0.8, 0}, scores.templateDefault(), 1e-6);
    assertArrayEquals(new double[] {0.6, 0}, scores.templateGallery(), 1e-6);
    assertEquals(
        "0.000000\t3\t0.600000,0.000000\t0.800000,0.000000\t0.800000,0.000000\t0.600000,0.000000",
        scores.tsv());
  }

  @Test
  void recomputesTheServiceScoreForEachRule() {
    CohortScores scores = CohortScores.of(P, "t", gallery, DEFAULTS, 3);
    // gallery alone (3 others >= 3), k = 2: p {.8, 0} -> mean .4 sd .4; t {.6, 0} -> .3, .3 => -1
    assertEquals(-1.0, scores.normalized(2, 3), 1e-5);
    // union (3 < 4), k = 2: p top 2 of {.6, 0, .8, 0, 0} -> .7, .1; t of {.8, 0, .6, 0, 0} -> .7,
    // .1
    assertEquals(-7.0, scores.normalized(2, 4), 1e-5);
    for (int k = 2; k <= 3; k++) {
      for (int at = k; at <= 5; at++) {
        double service =
            new CohortNormalizer(gallery, DEFAULTS, k, at)
                .normalize(P, T, 0, Set.of("t"))
                .normalized();
        assertEquals(service, scores.normalized(k, at), 1e-9, "k=" + k + " galleryOnlyAt=" + at);
      }
    }
  }

  @Test
  void anUnknownClaimIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> CohortScores.of(P, "nobody", gallery, DEFAULTS, 2));
    assertThrows(
        IllegalArgumentException.class, () -> CohortScores.of(P, "t", gallery, DEFAULTS, 1));
  }

  private static Embedding vector(float... values) {
    return new Embedding(values);
  }
}
