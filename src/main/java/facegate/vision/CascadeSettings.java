package facegate.vision;

import java.util.Objects;

/**
 * How {@link CascadeFaceDetector} searches.
 *
 * @param frontalCascade which of OpenCV's frontal Haar cascades to use
 * @param profile also run the profile cascade, on the image and on its mirror image
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
    boolean profile,
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

  public CascadeSettings {
    Objects.requireNonNull(frontalCascade, "frontalCascade");
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

  /** Frontal alt2 plus profile, faces from 10% of the shorter side, 1.1, 3 neighbours, IoU 0.3. */
  public static CascadeSettings defaults() {
    return new CascadeSettings(FrontalCascade.ALT2, true, 0.1, 1.1, 3, 0.3);
  }

  public CascadeSettings withFrontalCascade(FrontalCascade cascade) {
    return new CascadeSettings(
        cascade, profile, minFaceFraction, scaleFactor, minNeighbors, overlapIouThreshold);
  }

  public CascadeSettings withProfile(boolean enabled) {
    return new CascadeSettings(
        frontalCascade, enabled, minFaceFraction, scaleFactor, minNeighbors, overlapIouThreshold);
  }

  public CascadeSettings withMinNeighbors(int neighbors) {
    return new CascadeSettings(
        frontalCascade, profile, minFaceFraction, scaleFactor, neighbors, overlapIouThreshold);
  }
}
