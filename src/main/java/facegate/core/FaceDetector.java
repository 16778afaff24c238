package facegate.core;

import java.util.List;

/** Finds faces in an image. Implementations are thread-safe. */
public interface FaceDetector {
  /**
   * All faces found in {@code image}, largest first; an empty list when there is none (no face is a
   * result, not an error).
   */
  List<FaceBox> detect(RgbImage image);

  /**
   * The largest face of {@link #detect}, or an empty list; detectors may find it faster than all
   * faces (verify, identify and enroll use only the largest).
   */
  default List<FaceBox> detectLargest(RgbImage image) {
    return detect(image).stream().limit(1).toList();
  }
}
