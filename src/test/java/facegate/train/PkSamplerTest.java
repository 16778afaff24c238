package facegate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PkSamplerTest {
  // a: 3 images, b: 2, c: 1 (left out), d: 4
  private static final List<String> IDS = List.of("a", "a", "a", "b", "b", "c", "d", "d", "d", "d");

  @Test
  void batchesHoldPIdentitiesOfKImagesEach() {
    PkSampler sampler = new PkSampler(IDS, 2, 3, 7);
    assertEquals(3, sampler.identityCount());
    for (int b = 0; b < 20; b++) {
      int[] batch = sampler.nextBatch();
      assertEquals(6, batch.length);
      Set<String> identities = new HashSet<>();
      for (int p = 0; p < 2; p++) {
        String identity = IDS.get(batch[p * 3]);
        assertFalse(identities.contains(identity), "identity twice in one batch");
        identities.add(identity);
        for (int k = 0; k < 3; k++) {
          assertEquals(identity, IDS.get(batch[p * 3 + k]));
        }
      }
      assertFalse(identities.contains("c"), "a single-image identity was sampled");
    }
  }

  @Test
  void distinctImagesUntilAnIdentityRunsOut() {
    PkSampler sampler = new PkSampler(IDS, 2, 2, 3);
    for (int b = 0; b < 20; b++) {
      int[] batch = sampler.nextBatch();
      for (int p = 0; p < 2; p++) {
        assertFalse(batch[p * 2] == batch[p * 2 + 1], "K=2 repeated an image of a 2+ identity");
      }
    }
  }

  @Test
  void sameSeedSameBatchesOtherSeedOther() {
    PkSampler first = new PkSampler(IDS, 2, 2, 11);
    PkSampler second = new PkSampler(IDS, 2, 2, 11);
    PkSampler other = new PkSampler(IDS, 2, 2, 12);
    boolean differs = false;
    for (int b = 0; b < 10; b++) {
      int[] batch = first.nextBatch();
      assertArrayEquals(batch, second.nextBatch());
      differs |= !java.util.Arrays.equals(batch, other.nextBatch());
    }
    assertEquals(true, differs, "seeds 11 and 12 gave the same 10 batches");
  }

  @Test
  void refusesTooFewIdentities() {
    assertThrows(IllegalArgumentException.class, () -> new PkSampler(IDS, 4, 2, 1));
    assertThrows(IllegalArgumentException.class, () -> new PkSampler(IDS, 2, 1, 1));
  }
}
