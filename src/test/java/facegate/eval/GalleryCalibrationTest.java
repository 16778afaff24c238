package facegate.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import facegate.core.Embedding;
import facegate.gallery.CohortNormalizer;
import facegate.gallery.Gallery;
import facegate.gallery.GalleryOptions;
import facegate.gallery.HnswGallery;
import facegate.gallery.TemplateCohort;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryCalibrationTest {
  @Test
  void thresholdAtFarAcceptsAtMostThatShare() {
    double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    // FAR 0.1 of 10 allows one: the threshold lies just above 0.9
    assertEquals(Math.nextUp(0.9), GalleryCalibration.thresholdAtFar(scores, 0.1));
    assertEquals(Math.nextUp(1.0), GalleryCalibration.thresholdAtFar(scores, 0.05));
    assertEquals(Math.nextUp(0.8), GalleryCalibration.thresholdAtFar(scores, 0.25));
  }

  @Test
  void everyPairOfPeopleIsOneImpostorPair(@TempDir Path folder) {
    List<Embedding> people =
        List.of(
            new Embedding(new float[] {1, 0, 0}),
            new Embedding(new float[] {0.6f, 0.8f, 0}),
            new Embedding(new float[] {0, 0.6f, 0.8f}),
            new Embedding(new float[] {0, 0, 1}));
    TemplateCohort cohort =
        new TemplateCohort(
            List.of(
                new Embedding(new float[] {0.8f, 0, 0.6f}), new Embedding(new float[] {0, 1, 0})),
            List.of("x", "x"));
    try (Gallery gallery = HnswGallery.open(folder, GalleryOptions.of("fake", 3))) {
      for (int i = 0; i < people.size(); i++) {
        gallery.enroll("p" + i, "", List.of(people.get(i)));
      }
      CohortNormalizer normalizer = new CohortNormalizer(gallery, cohort, 2, 10);
      GalleryCalibration.Result result =
          GalleryCalibration.calibrate(gallery, normalizer, 0.2, 0.5, 1000);
      assertEquals(6, result.impostorPairs());
      // cosines of the 6 pairs: .6, 0, 0, .48, 0, .8: two reach the raw threshold 0.5
      assertEquals(2.0 / 6, result.rawThresholdFar(), 1e-9);
      double[] normalized = new double[6];
      int n = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
          normalized[n++] =
              normalizer
                  .normalize(
                      people.get(i),
                      people.get(j),
                      people.get(i).cosine(people.get(j)),
                      Set.of("p" + i, "p" + j))
                  .normalized();
        }
      }
      Arrays.sort(normalized);
      // FAR 0.2 of 6 allows one pair: just above the second highest
      assertEquals(Math.nextUp(normalized[4]), result.threshold());
      assertEquals(normalized[5] > normalized[4] ? 1 : 0, result.acceptedAtThreshold());
    }
  }
}
