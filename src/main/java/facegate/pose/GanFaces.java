package facegate.pose;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The pose GAN's training faces: aligned chips resampled to the GAN's size, each labelled with the
 * pose domain its landmarks give, and usable mirrored (with the mirrored domain). Draws are
 * domain-balanced: a domain first, uniformly among those with faces, then a face of it, so that the
 * rare profile domains are seen as often as the frontal one.
 */
public final class GanFaces {
  private final List<List<Draw>> byDomain = new ArrayList<>();
  private final List<Integer> nonEmpty = new ArrayList<>();
  private final int[] unmirroredCounts = new int[PoseBucket.values().length];

  /** One face as a batch sees it: its chip, whether to mirror it, and the resulting domain. */
  public record Draw(RgbImage chip, boolean flipped, int domain) {}

  /**
   * @param chips aligned chips (any size; resampled to {@code size})
   * @param landmarks each chip's 68 landmarks in its own pixels
   * @param size the GAN's image side
   * @param poses the yaw estimator that labels the domains
   */
  public GanFaces(
      List<RgbImage> chips, List<Landmarks> landmarks, int size, HeadPoseEstimator poses) {
    if (chips.size() != landmarks.size()) {
      throw new IllegalArgumentException("one landmark set per chip");
    }
    PoseBucket[] buckets = PoseBucket.values();
    for (int i = 0; i < buckets.length; i++) {
      byDomain.add(new ArrayList<>());
    }
    for (int i = 0; i < chips.size(); i++) {
      int domain = poses.estimate(landmarks.get(i)).bucket().ordinal();
      RgbImage chip = FaceAligner.resampled(chips.get(i), size);
      unmirroredCounts[domain]++;
      byDomain.get(domain).add(new Draw(chip, false, domain));
      int mirrored = buckets.length - 1 - domain;
      byDomain.get(mirrored).add(new Draw(chip, true, mirrored));
    }
    for (int d = 0; d < buckets.length; d++) {
      if (!byDomain.get(d).isEmpty()) {
        nonEmpty.add(d);
      }
    }
    if (nonEmpty.size() < 2) {
      throw new IllegalArgumentException("the faces cover fewer than two pose domains");
    }
  }

  /** Faces per domain as estimated (before mirroring), in {@link PoseBucket} order. */
  public int[] countsPerDomain() {
    return unmirroredCounts.clone();
  }

  /** {@code n} domain-balanced draws. */
  public List<Draw> draw(int n, Random random) {
    List<Draw> batch = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Draw> pool = byDomain.get(nonEmpty.get(random.nextInt(nonEmpty.size())));
      batch.add(pool.get(random.nextInt(pool.size())));
    }
    return batch;
  }

  /** Up to {@code n} unmirrored faces, cycling over the domains, for sample grids. */
  public List<Draw> gridFaces(int n, Random random) {
    List<Draw> grid = new ArrayList<>();
    for (int round = 0; grid.size() < n && round < n; round++) {
      for (int d : nonEmpty) {
        List<Draw> own = byDomain.get(d).stream().filter(draw -> !draw.flipped()).toList();
        if (!own.isEmpty() && grid.size() < n) {
          grid.add(own.get(random.nextInt(own.size())));
        }
      }
    }
    return grid;
  }
}
