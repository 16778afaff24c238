package facegate.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PoseBalancedSamplerTest {
  // a: 3 frontals + 2 profiles, b: 2 frontals + 1 profile, c: 4 frontals, no profile,
  // d: 1 frontal + 3 profiles (left out: fewer than two frontals)
  private static final List<String> IDS =
      List.of("a", "a", "a", "a", "a", "b", "b", "b", "c", "c", "c", "c", "d", "d", "d", "d");
  private static final boolean[] PROFILE = {
    false, false, false, true, true, false, false, true, false, false, false, false, false, true,
    true, true
  };

  @Test
  void eachIdentityMixesFrontalsAndProfiles() {
    PoseBalancedSampler sampler = new PoseBalancedSampler(IDS, PROFILE, 2, 4, 3);
    for (int b = 0; b < 30; b++) {
      int[] batch = sampler.nextBatch();
      assertEquals(8, batch.length);
      Set<String> seen = new HashSet<>();
      for (int p = 0; p < 2; p++) {
        String identity = IDS.get(batch[p * 4]);
        assertTrue(seen.add(identity), "identity twice in one batch");
        assertFalse(identity.equals("d"), "d has one frontal and must be left out");
        int profiles = 0;
        for (int k = 0; k < 4; k++) {
          assertEquals(identity, IDS.get(batch[p * 4 + k]));
          profiles += PROFILE[batch[p * 4 + k]] ? 1 : 0;
        }
        assertEquals(identity.equals("c") ? 0 : 2, profiles, "profiles of " + identity);
      }
    }
  }

  @Test
  void sameSeedSameBatches() {
    PoseBalancedSampler first = new PoseBalancedSampler(IDS, PROFILE, 2, 4, 9);
    PoseBalancedSampler second = new PoseBalancedSampler(IDS, PROFILE, 2, 4, 9);
    for (int b = 0; b < 5; b++) {
      assertArrayEquals(first.nextBatch(), second.nextBatch());
    }
  }

  @Test
  void tooFewIdentitiesAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new PoseBalancedSampler(IDS, PROFILE, 4, 4, 1));
  }
}
