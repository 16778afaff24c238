package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.Embedding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cohort and its switch-over on 4-d vectors whose cosines are exact (3-4-5 triangles), with
 * top-k 2 and the gallery alone from 3 other people on. The probe p = e1 claims t = e2 (cosine 0).
 *
 * <pre>
 *   default cohort: a = (.6,.8,0,0)  p: .6  t: .8      gallery people besides t:
 *                   b = (0,0,1,0)    p: 0   t: 0         g1 = (.8,0,.6,0)  p: .8  t: 0
 *                                                        g2 = (0,.6,.8,0)  p: 0   t: .6
 *                                                        g3 = (0,0,0,1)    p: 0   t: 0
 * </pre>
 */
class CohortNormalizerTest {
  private static final Embedding P = vector(1, 0, 0, 0);
  private static final Embedding T = vector(0, 1, 0, 0);

  @TempDir Path folder;
  private Gallery gallery;
  private CohortNormalizer normalizer;

  @BeforeEach
  void open() {
    gallery = HnswGallery.open(folder, GalleryOptions.of("fake", 4));
    TemplateCohort defaults =
        new TemplateCohort(
            List.of(vector(0.6f, 0.8f, 0, 0), vector(0, 0, 1, 0)), List.of("a", "b"));
    normalizer = new CohortNormalizer(gallery, defaults, 2, 3);
    gallery.enroll("t", "", List.of(T));
    gallery.enroll("g1", "", List.of(vector(0.8f, 0, 0.6f, 0)));
  }

  @AfterEach
  void close() {
    gallery.close();
  }

  @Test
  void aSmallGalleryJoinsTheDefaultCohort() {
    // others = 1 < 3. p: top 2 of {.6, 0, .8} = .8, .6 -> mean .7, sd .1
    //                 t: top 2 of {.8, 0, 0}  = .8, 0  -> mean .4, sd .4
    // ((0 - .7) / .1 + (0 - .4) / .4) / 2 = (-7 - 1) / 2
    CohortNormalizer.Score score = normalizer.normalize(P, T, 0, Set.of("t"));
    assertEquals(CohortNormalizer.CohortSource.DEFAULT_AND_GALLERY, score.source());
    assertEquals(-4.0, score.normalized(), 1e-5);
  }

  @Test
  void atTheBoundTheGalleryAloneIsTheCohort() {
    gallery.enroll("g2", "", List.of(vector(0, 0.6f, 0.8f, 0)));
    // others = 2, still below 3. p: top 2 of {.6, 0, .8, 0} -> mean .7, sd .1
    //                            t: top 2 of {.8, 0, 0, .6} -> mean .7, sd .1  => -7
    assertEquals(-7.0, normalizer.normalize(P, T, 0, Set.of("t")).normalized(), 1e-5);
    gallery.enroll("g3", "", List.of(vector(0, 0, 0, 1)));
    // others = 3: gallery alone. p: top 2 of {.8, 0, 0} -> mean .4, sd .4
    //                            t: top 2 of {0, .6, 0} -> mean .3, sd .3  => (-1 - 1) / 2
    CohortNormalizer.Score score = normalizer.normalize(P, T, 0, Set.of("t"));
    assertEquals(CohortNormalizer.CohortSource.GALLERY, score.source());
    assertEquals(-1.0, score.normalized(), 1e-5);
  }

  @Test
  void theRuleAndItsBounds() {
    assertEquals(CohortNormalizer.CohortSource.DEFAULT_AND_GALLERY, normalizer.sourceFor(2));
    assertEquals(CohortNormalizer.CohortSource.GALLERY, normalizer.sourceFor(3));
    TemplateCohort two =
        new TemplateCohort(List.of(vector(1, 0, 0, 0), vector(0, 1, 0, 0)), List.of("a", "a"));
    TemplateCohort one = new TemplateCohort(List.of(vector(1, 0, 0, 0)), List.of("a"));
    assertThrows(IllegalArgumentException.class, () -> new CohortNormalizer(gallery, two, 1, 3));
    assertThrows(IllegalArgumentException.class, () -> new CohortNormalizer(gallery, two, 4, 3));
    assertThrows(IllegalArgumentException.class, () -> new CohortNormalizer(gallery, one, 2, 3));
  }

  @Test
  void theClaimedPersonIsNotTheirOwnCohort() {
    // Not leaving t out would give t the cohort score 1 (itself) and p the score 0:
    // p: top 2 of {.6, 0, .8, 0} -> .7/.1, t: top 2 of {.8, 0, 1, 0} -> .9/.1 => (-7 - 9) / 2
    assertEquals(-8.0, normalizer.normalize(P, T, 0, Set.of()).normalized(), 1e-5);
  }

  static Embedding vector(float... values) {
    return new Embedding(values);
  }
}
