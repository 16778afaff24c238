package facegate.train;

import facegate.core.FaceViewSynthesizer;
import facegate.pose.FaceRenderer3d;
import facegate.pose.PoseGan;
import facegate.pose.RenderRepair;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The registry of pose-view synthesizers that augmentation policies can name ({@code 3d}, {@code
 * gan}). Wiring one in is one line in {@link #defaults()}: {@code registry.register("3d",
 * ThreeDimensionalRenderer::new)}.
 *
 * <p>The names {@code 3d} and {@code gan} are reserved for the pose package: {@code 3d} is the
 * re-rendering, {@code gan} the pose GAN generator shipped in {@code models/pose-gan} (opened when
 * first asked for; when the folder has none, asking fails with a message saying how to train one,
 * rather than training silently without it).
 */
public final class ViewSynthesizers {
  /** Names the policy parser accepts as synthesizers, registered or not. */
  public static final Set<String> RESERVED = Set.of("3d", "gan", "rr");

  private final Map<String, Supplier<FaceViewSynthesizer>> suppliers = new LinkedHashMap<>();

  /** Where {@link #defaults()} finds the pose GAN. */
  public static final Path SHIPPED_GAN = Path.of("models", "pose-gan");

  /** Where {@link #defaults()} finds the render-repair generator. */
  public static final Path SHIPPED_REPAIR = Path.of("models", "render-repair");

  /**
   * The synthesizers facegate ships: the 3D re-rendering, the pose GAN, and {@code rr}, the 3D
   * re-rendering repaired by the rotate-and-render generator in {@code models/render-repair}.
   */
  public static ViewSynthesizers defaults() {
    return new ViewSynthesizers()
        .register("3d", FaceRenderer3d::shipped)
        .register("gan", () -> PoseGan.open(SHIPPED_GAN))
        .register("rr", () -> RenderRepair.open(SHIPPED_REPAIR, FaceRenderer3d.shipped()));
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
