package facegate.core;

/**
 * Judges whether a face was presented live to the camera or is a presentation attack (a printed
 * photo held up to it): passive, from a single image. Implementations are thread-safe.
 */
public interface LivenessDetector {
  /**
   * How likely the face in {@code face} of {@code image} is live.
   *
   * @param image the whole decoded photo (the check may look at the face's surroundings)
   * @param face the face to judge, in {@code image}'s pixels
   * @return the score in [0, 1] (1: surely live) and the region of the image the check looked at
   *     (it may extend past the image's edges, which count as black)
   */
  Liveness assess(RgbImage image, FaceBox face);
}
