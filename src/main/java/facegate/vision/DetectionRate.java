package facegate.vision;

/**
 * How often a detector found a face in a folder of images.
 *
 * @param images images read and searched, at least 0
 * @param unreadable files that could not be decoded (not counted in {@code images})
 * @param detected images with at least one face
 * @param frontal images whose largest face is {@link facegate.core.FaceBox.View#FRONTAL}
 * @param profile images whose largest face is a profile view
 * @param centreContained images where some face box contains the image centre (for centred data
 *     sets such as LFW: the intended face was found)
 * @param largestContainsCentre images whose largest face box contains the image centre
 * @param faces face boxes in all images together
 * @param seconds wall-clock time of the whole run, positive
 */
public record DetectionRate(
    int images,
    int unreadable,
    int detected,
    int frontal,
    int profile,
    int centreContained,
    int largestContainsCentre,
    long faces,
    double seconds) {
  public DetectionRate {
    if (images < 0 || unreadable < 0 || faces < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
    if (detected > images || frontal + profile != detected || centreContained > detected) {
      throw new IllegalArgumentException(
          "inconsistent counts: images="
              + images
              + " detected="
              + detected
              + " frontal="
              + frontal
              + " profile="
              + profile
              + " centre="
              + centreContained);
    }
    if (largestContainsCentre > centreContained) {
      throw new IllegalArgumentException("largest face can only contain the centre if some does");
    }
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("seconds must be positive: " + seconds);
    }
  }

  /** detected / images; 0 when no image was read. */
  public double rate() {
    return images == 0 ? 0 : (double) detected / images;
  }

  public double imagesPerSecond() {
    return (images + unreadable) / seconds;
  }
}
