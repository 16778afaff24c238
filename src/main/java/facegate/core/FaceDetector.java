package facegate.core;

import java.util.List;

/** Finds faces in an image. Implementations are thread-safe. */
public interface FaceDetector {
  /**
   * All faces found in {@code image}, largest first; an empty list when there is none (no face is a
   * result, not an error).
   */
  List<FaceBox> detect(RgbImage image);
}
