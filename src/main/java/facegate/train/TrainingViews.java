package facegate.train;

import facegate.core.FaceViewSynthesizer;
import facegate.core.RgbImage;
import facegate.embed.DlibTail;
import facegate.vision.Mirror;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * One augmented view per face of a list, made at chip level (before the frozen trunk) and kept as
 * trunk features: rows {@code 2i} (the view) and {@code 2i + 1} (its mirror), like {@link
 * TrunkFeatureCache}. A component is {@code classic} ({@link ClassicAugmentation}) or a pose view
 * synthesizer's name ({@code 3d}, {@code rr}, {@code gan}); pose views are made of frontal faces
 * only (a profile is a poor source for a re-rendering), so a profile's rows repeat its own chip's
 * features and it is marked unavailable. Each face's view draws from its own {@link Random} seeded
 * by (seed, component, face source), so a view does not depend on the list's order, and the file is
 * keyed by trunk, component, seed, face list and the maker's output: a hash of the first eligible
 * face's view is part of the key, so a changed renderer or generator under the same name (the 3D
 * renderer fixed in session 5) makes the file stale instead of serving the old views; another seed
 * makes other views.
 *
 * @param name the component
 * @param features {@code 2n} rows
 * @param available whether face {@code i} has a view (else its rows are its chip's)
 * @param poseView true for a synthesized pose (not trained towards the original embedding)
 */
public record TrainingViews(
    String name, float[][] features, boolean[] available, boolean poseView) {
  /** The component that is not a pose synthesizer. */
  public static final String CLASSIC = "classic";

  public TrainingViews {
    Objects.requireNonNull(name, "name");
    if (features.length != 2 * available.length) {
      throw new IllegalArgumentException("need two rows per face");
    }
  }

  /** Makes the views a synthesizer (or classic augmentation) makes of one chip. */
  public interface ViewMaker {
    /** The view of {@code face}, drawing from {@code random}; {@code face.chip()} if none. */
    RgbImage view(FaceSample face, Random random);
  }

  /** The maker of component {@code name}: classic augmentation or {@code synthesizer}'s view. */
  public static ViewMaker maker(String name, FaceViewSynthesizer synthesizer) {
    if (CLASSIC.equals(name)) {
      return (face, random) -> ClassicAugmentation.apply(face.chip(), random);
    }
    Objects.requireNonNull(synthesizer, "synthesizer of " + name);
    return (face, random) ->
        synthesizer.oneView(face.chip(), face.chipLandmarks(), random).orElse(face.chip());
  }

  /** The random source of one face's view: a function of seed, component and face only. */
  static Random randomFor(long seed, String component, FaceSample face) {
    return new Random(seed * 1_000_003L ^ Objects.hash(component, face.source()));
  }

  /**
   * The views of {@code faces} from {@code cacheDir}, making them first when missing or stale.
   *
   * @param trunkKey fingerprint of the trunk weights and crop pipeline
   * @param profile pose of each face (pose views are made of frontals only)
   * @param ownFeatures the faces' own trunk rows, repeated where a face gets no view
   * @param progress told the number of faces done
   */
  public static TrainingViews loadOrCompute(
      Path cacheDir,
      String trunkKey,
      String component,
      long seed,
      List<FaceSample> faces,
      boolean[] profile,
      float[][] ownFeatures,
      ViewMaker maker,
      DlibTail tail,
      IntConsumer progress) {
    boolean pose = !CLASSIC.equals(component);
    boolean[] available = new boolean[faces.size()];
    List<FaceSample> eligible = new ArrayList<>();
    for (int i = 0; i < faces.size(); i++) {
      available[i] = !(pose && profile[i]);
      if (available[i]) {
        eligible.add(faces.get(i));
      }
    }
    String key =
        String.join(
            "|",
            trunkKey,
            component,
            Long.toString(seed),
            Integer.toString(faces.stream().map(FaceSample::source).toList().hashCode()),
            probe(maker, component, seed, eligible));
    float[][] made =
        TrunkFeatureCache.loadOrCompute(
            cacheDir.resolve(
                component.replaceAll("[^A-Za-z0-9]", "_")
                    + "-s"
                    + seed
                    + "-n"
                    + faces.size()
                    + ".bin"),
            key,
            eligible.size(),
            (start, end) -> {
              List<RgbImage> chips = new ArrayList<>();
              for (FaceSample face : eligible.subList(start, end)) {
                RgbImage view = maker.view(face, randomFor(seed, component, face));
                chips.add(view);
                chips.add(Mirror.horizontal(view));
              }
              return tail.trunkFeatures(chips);
            },
            progress);
    float[][] rows = new float[2 * faces.size()][];
    int next = 0;
    for (int i = 0; i < faces.size(); i++) {
      for (int v = 0; v < 2; v++) {
        rows[2 * i + v] = available[i] ? made[2 * next + v] : ownFeatures[2 * i + v];
      }
      next += available[i] ? 1 : 0;
    }
    return new TrainingViews(component, rows, available, pose);
  }

  /** A fingerprint of what {@code maker} makes: the hash of the first eligible face's view. */
  private static String probe(
      ViewMaker maker, String component, long seed, List<FaceSample> eligible) {
    if (eligible.isEmpty()) {
      return "no-view";
    }
    FaceSample first = eligible.get(0);
    RgbImage view = maker.view(first, randomFor(seed, component, first));
    return view.width()
        + "x"
        + view.height()
        + ":"
        + Integer.toHexString(Arrays.hashCode(view.rgb()));
  }

  /**
   * The views of the faces at {@code indices}, in that order, with the original network's
   * embeddings {@code originals} of all rows.
   */
  TailTrainingData.Views select(List<Integer> indices, float[][] originals) {
    float[][] chosen = new float[2 * indices.size()][];
    float[][] chosenOriginals = new float[2 * indices.size()][];
    boolean[] has = new boolean[indices.size()];
    for (int j = 0; j < indices.size(); j++) {
      int i = indices.get(j);
      for (int v = 0; v < 2; v++) {
        chosen[2 * j + v] = features[2 * i + v];
        chosenOriginals[2 * j + v] = originals[2 * i + v];
      }
      has[j] = available[i];
    }
    return new TailTrainingData.Views(name, chosen, chosenOriginals, has, poseView);
  }
}
