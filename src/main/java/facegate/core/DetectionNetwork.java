package facegate.core;

/**
 * A single-shot face detection network over square RGB images of {@link #inputSize()} pixels: the
 * seam between a detector's role-level logic (padding, suppression, mapping boxes back to the
 * image; {@code facegate.vision.SsdFaceDetector}) and whatever runs the network ({@code
 * facegate.embed.DjlSsdMobilenet} on DJL), so that neither package imports the other.
 * Implementations are thread-safe. Suppression of overlapping boxes is the caller's job.
 */
public interface DetectionNetwork extends AutoCloseable {
  /** Side of the square input, in pixels (512 for face-api's SSD). */
  int inputSize();

  /**
   * Boxes and scores of every anchor for {@code square}, which must be {@link #inputSize()} on each
   * side, or an {@link IllegalArgumentException} is thrown.
   */
  AnchorScores detect(RgbImage square);

  @Override
  void close();
}
