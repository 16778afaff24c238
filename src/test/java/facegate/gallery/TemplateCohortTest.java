package facegate.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import facegate.core.Embedding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCohortTest {
  private final TemplateCohort cohort =
      new TemplateCohort(
          List.of(
              new Embedding(new float[] {1, 0}),
              new Embedding(new float[] {0.6f, 0.8f}),
              new Embedding(new float[] {0, 1}),
              new Embedding(new float[] {-1, 0})),
          List.of("lfw", "lfw", "jaffe", "celeba"));

  @Test
  void topScoresAreTheHighestCosinesHighestFirst() {
    Embedding probe = new Embedding(new float[] {0.8f, 0.6f});
    // cosines: .8, .96, .6, -.8
    assertArrayEquals(new double[] {0.96, 0.8}, cohort.topScores(probe, 2), 1e-6);
    assertArrayEquals(new double[] {0.96, 0.8, 0.6, -0.8}, cohort.topScores(probe, 10), 1e-6);
  }

  @Test
  void leavesOutExcludedSources() {
    TemplateCohort without = cohort.without(Set.of("lfw"));
    assertEquals(Map.of("jaffe", 1, "celeba", 1), without.sourceCounts());
    assertArrayEquals(
        new double[] {0.6, -0.8},
        without.topScores(new Embedding(new float[] {0.8f, 0.6f}), 5),
        1e-6);
  }

  @Test
  void survivesAWriteAndARead(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("cohort.bin");
    cohort.write(file);
    TemplateCohort read = TemplateCohort.read(file);
    assertEquals(cohort.sourceCounts(), read.sourceCounts());
    Embedding probe = new Embedding(new float[] {0, 1});
    assertArrayEquals(cohort.topScores(probe, 4), read.topScores(probe, 4), 0);
    Files.writeString(file, "not a cohort");
    assertThrows(RuntimeException.class, () -> TemplateCohort.read(file));
  }
}
