package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexBenchmarkTest {
  /** A unit vector in the plane whose inner product with (1, 0) is {@code similarity}. */
  private static float[] at(double similarity) {
    return new float[] {(float) similarity, (float) Math.sqrt(1 - similarity * similarity)};
  }

  @Test
  void tiesMeasureHowCloseTheTenthIsToTheRest() {
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      vectors.add(at(1 - 0.05 * i)); // 1.00, 0.95, ..., 0.45: the 10th is 0.55
    }
    vectors.add(at(0.545)); // a near-tie of the 10th, so the 11th
    List<float[]> queries = List.of(new float[] {1, 0});

    IndexBenchmark.Exact[] exact = IndexBenchmark.exactNeighbours(vectors, queries);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12}, exact[0].ids());
    IndexBenchmark.Ties ties = IndexBenchmark.ties(vectors, queries, exact);

    assertEquals(0.55, ties.medianTenth(), 1e-6);
    assertEquals(0.005, ties.medianGap(), 1e-6);
    assertEquals(11, ties.withinBand(), 0); // the top 10 and 0.545; 0.50 is not within 0.01
  }

  @Test
  void toleratedRecallCountsAtLeastWhatExactRecallCounts() {
    Random random = new Random(5);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      float[] vector = new float[16];
      double norm = 0;
      for (int d = 0; d < vector.length; d++) {
        vector[d] = (float) random.nextGaussian();
        norm += vector[d] * vector[d];
      }
      for (int d = 0; d < vector.length; d++) {
        vector[d] /= (float) Math.sqrt(norm);
      }
      vectors.add(vector);
    }
    IndexBenchmark.Result result =
        IndexBenchmark.run(
            vectors.subList(50, vectors.size()),
            vectors.subList(0, 50),
            new HnswParameters(8, 50, 10),
            new int[] {10, 200},
            line -> {});

    IndexBenchmark.SearchResult10 narrow = result.searches().get(0);
    IndexBenchmark.SearchResult10 wide = result.searches().get(1);
    assertTrue(narrow.recallAt10Within() >= narrow.recallAt10(), narrow.toString());
    assertTrue(wide.recallAt10() > 0.95, wide.toString());
    assertTrue(wide.recallAt10Within() >= wide.recallAt10(), wide.toString());
    assertTrue(result.ties().withinBand() >= 10, result.ties().toString());
  }
}
