package facegate.train;

import facegate.core.FaceViewSynthesizer;
import facegate.pose.FaceRenderer3d;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The registry of pose-view synthesizers that augmentation policies can name ({@code 3d}, {@code
 * gan}). Wiring one in is one line in {@link #defaults()}: {@code registry.register("3d",
 * ThreeDimensionalRenderer::new)}.
 *
 * <p>The names {@code 3d} and {@code gan} are reserved for the pose package (issue 5); {@code gan}
 * has no generator yet, so asking for it fails with a message saying so, rather than training
 * silently without it.
 */
public final class ViewSynthesizers {
  /** Names the policy parser accepts as synthesizers, registered or not. */
  public static final Set<String> RESERVED = Set.of("3d", "gan");

  private final Map<String, Supplier<FaceViewSynthesizer>> suppliers = new LinkedHashMap<>();

  /** The synthesizers facegate ships: the 3D re-rendering; no pose GAN yet. */
  public static ViewSynthesizers defaults() {
    return new ViewSynthesizers().register("3d", FaceRenderer3d::shipped);
  }

  /** Adds or replaces the synthesizer called {@code name}. */
  public ViewSynthesizers register(String name, Supplier<FaceViewSynthesizer> supplier) {
    suppliers.put(name, supplier);
    return this;
  }

  /**
   * A new synthesizer called {@code name}.
   *
   * @throws IllegalArgumentException when no synthesizer of that name is registered
   */
  public FaceViewSynthesizer create(String name) {
    Supplier<FaceViewSynthesizer> supplier = suppliers.get(name);
    if (supplier == null) {
      throw new IllegalArgumentException(
          RESERVED.contains(name)
              ? "augmentation '"
                  + name
                  + "' needs the pose package's FaceViewSynthesizer (issue 5), which is not"
                  + " registered in this build; use --augment none or classic"
              : "no view synthesizer '" + name + "'; registered: " + suppliers.keySet());
    }
    return supplier.get();
  }
}
