package facegate.vision;

import java.util.Objects;

/**
 * How {@link CascadeFaceDetector} searches.
 *
 * @param frontalCascade which of OpenCV's frontal Haar cascades to use
 * @param profile when to run the profile cascade (on the image and on its mirror image)
 * @param minFaceFraction smallest face searched for, as a fraction of the image's shorter side, in
 *     (0, 1]; never below the cascades' 24-pixel window
 * @param scaleFactor step between pyramid levels, in (1, 2]; smaller finds more, slower
 * @param minNeighbors overlapping raw hits needed to keep a detection, at least 1; larger means
 *     fewer false positives and fewer faces
 * @param overlapIouThreshold boxes overlapping more than this (intersection over union) are one
 *     face; the weaker is dropped; in [0, 1]
 */
public record CascadeSettings(
    FrontalCascade frontalCascade,
    ProfileSearch profile,
    double minFaceFraction,
    double scaleFactor,
    int minNeighbors,
    double overlapIouThreshold) {

  /** The frontal cascades shipped with OpenCV. */
  public enum FrontalCascade {
    ALT2("haarcascade_frontalface_alt2.xml"),
    DEFAULT("haarcascade_frontalface_default.xml");

    private final String fileName;

    FrontalCascade(String fileName) {
      this.fileName = fileName;
    }

    String fileName() {
      return fileName;
    }
  }

  /** When the profile cascade runs. */
  public enum ProfileSearch {
    /** Frontal cascade only. */
    NEVER,
    /**
     * Profile cascade only on images where the frontal cascade found nothing: the same faces are
     * found in images with a frontal face (the largest is what callers use) at a third of the cost,
     * but a turned face beside a frontal one is not listed.
     */
    WHEN_NO_FRONTAL,
    /** Both cascades on every image. */
    ALWAYS
  }

  public CascadeSettings {
    Objects.requireNonNull(frontalCascade, "frontalCascade");
    Objects.requireNonNull(profile, "profile");
    if (!(minFaceFraction > 0 && minFaceFraction <= 1)) {
      throw new IllegalArgumentException("minFaceFraction must be in (0, 1]: " + minFaceFraction);
    }
    if (!(scaleFactor > 1 && scaleFactor <= 2)) {
      throw new IllegalArgumentException("scaleFactor must be in (1, 2]: " + scaleFactor);
    }
    if (minNeighbors < 1) {
      throw new IllegalArgumentException("minNeighbors must be at least 1: " + minNeighbors);
    }
    if (!(overlapIouThreshold >= 0 && overlapIouThreshold <= 1)) {
      throw new IllegalArgumentException(
          "overlapIouThreshold must be in [0, 1]: " + overlapIouThreshold);
    }
  }

  /**
   * Frontal alt2, profile when no frontal face is found, faces from 10% of the shorter side, scale
   * step 1.1, 3 neighbours, IoU 0.3.
   */
  public static CascadeSettings defaults() {
    return new CascadeSettings(
        FrontalCascade.ALT2, ProfileSearch.WHEN_NO_FRONTAL, 0.1, 1.1, 3, 0.3);
  }

  public CascadeSettings withFrontalCascade(FrontalCascade cascade) {
    return new CascadeSettings(
        cascade, profile, minFaceFraction, scaleFactor, minNeighbors, overlapIouThreshold);
  }

  public CascadeSettings withProfile(ProfileSearch search) {
    return new CascadeSettings(
        frontalCascade, search, minFaceFraction, scaleFactor, minNeighbors, overlapIouThreshold);
  }

  public CascadeSettings withMinNeighbors(int neighbors) {
    return new CascadeSettings(
        frontalCascade, profile, minFaceFraction, scaleFactor, neighbors, overlapIouThreshold);
  }
}
