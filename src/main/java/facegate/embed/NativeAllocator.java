package facegate.embed;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.Map;

/**
 * Tunes glibc's malloc for PyTorch's CPU inference, through {@code mallopt}, before the first
 * network runs.
 *
 * <p>Every forward pass allocates and frees megabyte-sized activations. With glibc's defaults those
 * are handed back to the kernel when freed (an {@code munmap}, or a trim of the heap top) and
 * page-faulted in again by the next pass. Keeping them (mmap threshold, trim threshold and top pad
 * raised) measured the dlib ResNet at batch 2 on this project's 2-core machine at 29-32 ms per call
 * instead of 32-36 (README, Performance). The price is resident memory: freed activations stay
 * mapped, a few hundred MB at most.
 *
 * <p>Does nothing where the user already chose: when {@code GLIBC_TUNABLES} or any {@code
 * MALLOC_*_} variable is set, on a system that is not Linux, or when there is no glibc to call.
 */
public final class NativeAllocator {
  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;

  /** Largest allocation still served from the heap (glibc caps it at 32 MiB on 64-bit). */
  static final int MMAP_THRESHOLD_BYTES = 32 << 20;

  /** Free memory at the heap's top kept rather than returned to the kernel. */
  static final int TRIM_THRESHOLD_BYTES = 1 << 30;

  /** Extra memory taken each time a heap grows. */
  static final int TOP_PAD_BYTES = 64 << 20;

  /** The result of {@link #tune}: whether the settings took, and if not why. */
  public record Outcome(boolean applied, String reason) {}

  private interface C extends Library {
    int mallopt(int parameter, int value);
  }

  private NativeAllocator() {}

  /** Applies the settings unless the environment already says how malloc should behave. */
  public static Outcome tune() {
    return tune(System.getenv(), System.getProperty("os.name", ""));
  }

  static Outcome tune(Map<String, String> environment, String osName) {
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return new Outcome(false, "not Linux");
    }
    for (String name : environment.keySet()) {
      if (name.equals("GLIBC_TUNABLES") || (name.startsWith("MALLOC_") && name.endsWith("_"))) {
        return new Outcome(false, name + " is set");
      }
    }
    C c;
    try {
      c = Native.load("c", C.class);
    } catch (UnsatisfiedLinkError e) {
      return new Outcome(false, "no C library: " + e.getMessage());
    }
    boolean applied =
        c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
            & c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1
            & c.mallopt(M_TOP_PAD, TOP_PAD_BYTES) == 1;
    return new Outcome(applied, applied ? "mallopt" : "mallopt refused a setting (not glibc?)");
  }
}
