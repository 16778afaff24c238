package facegate.core;

/**
 * A network over square RGB images of {@link #inputSize()} pixels that returns one flat float
 * array: the seam between role-level logic in vision/ (e.g. {@code
 * facegate.vision.MediaPipeFaceDetector}: letterboxing, anchor decoding, suppression) and whatever
 * runs the network ({@code facegate.embed.TfjsImageNetwork} on DJL), so that neither package
 * imports the other. Implementations are thread-safe.
 */
public interface SquareImageNetwork extends AutoCloseable {
  /** Side of the square input, in pixels. */
  int inputSize();

  /**
   * The network's output for {@code square}, row-major, in the network's own units; an {@link
   * IllegalArgumentException} when {@code square} is not {@link #inputSize()} on each side.
   */
  float[] run(RgbImage square);

  @Override
  void close();
}
