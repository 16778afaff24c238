package facegate.embed;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.List;

/** Locates the 68 facial landmarks in square face crops. Implementations are thread-safe. */
public interface LandmarkLocator extends AutoCloseable {
  /** Side of the square crop the network takes, in pixels (112 for face-api's network). */
  int inputSize();

  /**
   * Landmarks per crop, in order, in edge coordinates of that crop (0 at its left/top edge, {@link
   * #inputSize()} at its right/bottom edge). Each crop must be {@link #inputSize()} square, or an
   * {@link IllegalArgumentException} is thrown. Empty in, empty out.
   */
  List<Landmarks> locate(List<RgbImage> crops);

  @Override
  void close();
}
