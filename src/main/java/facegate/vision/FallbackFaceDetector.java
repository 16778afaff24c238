package facegate.vision;

import facegate.core.FaceBox;
import facegate.core.FaceDetector;
import facegate.core.RgbImage;
import java.util.List;
import java.util.Objects;

/**
 * Asks a second detector only when the first finds no face: a fast detector first, a slower one
 * that finds what it misses second. Thread-safe when both are. Closing it closes neither.
 */
public final class FallbackFaceDetector implements FaceDetector {
  private final FaceDetector first;
  private final FaceDetector second;

  public FallbackFaceDetector(FaceDetector first, FaceDetector second) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
  }

  @Override
  public List<FaceBox> detect(RgbImage image) {
    List<FaceBox> faces = first.detect(image);
    return faces.isEmpty() ? second.detect(image) : faces;
  }

  @Override
  public List<FaceBox> detectLargest(RgbImage image) {
    List<FaceBox> faces = first.detectLargest(image);
    return faces.isEmpty() ? second.detectLargest(image) : faces;
  }
}
