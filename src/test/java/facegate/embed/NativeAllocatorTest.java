package facegate.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeAllocatorTest {
  @Test
  void leavesMallocAloneWhenTheUserConfiguredIt() {
    NativeAllocator.Outcome outcome =
        NativeAllocator.tune(Map.of("MALLOC_ARENA_MAX_", "2"), "Linux");
    assertFalse(outcome.applied());
    assertEquals("MALLOC_ARENA_MAX_ is set", outcome.reason());
    assertFalse(NativeAllocator.tune(Map.of("GLIBC_TUNABLES", ""), "Linux").applied());
  }

  @Test
  void doesNothingOutsideLinux() {
    assertEquals(
        new NativeAllocator.Outcome(false, "not Linux"),
        NativeAllocator.tune(Map.of(), "Mac OS X"));
  }

  @Test
  void glibcTakesTheSettings() {
    // The project's machines run Debian (glibc); every setting must be within glibc's limits.
    NativeAllocator.Outcome outcome = NativeAllocator.tune(Map.of(), "Linux");
    assertTrue(outcome.applied(), outcome.reason());
  }
}
