package facegate.pipeline;

import facegate.core.AlignedFace;
import facegate.core.FaceBox;
import facegate.pose.FaceView;
import java.util.List;
import java.util.Optional;

/**
 * What the pipeline sees in a photo before anything is stored: every detected face and the aligned
 * chip of the largest one (the face enrollment would use).
 *
 * @param width decoded image width in pixels (after EXIF orientation)
 * @param height decoded image height in pixels
 * @param boxes detected faces, largest first; empty when there is no face
 * @param largest the largest face aligned; empty exactly when {@code boxes} is empty
 * @param views each box's view, in the order of {@code boxes}
 */
public record FacePreview(
    int width,
    int height,
    List<FaceBox> boxes,
    Optional<AlignedFace> largest,
    List<FaceView> views) {
  public FacePreview {
    boxes = List.copyOf(boxes);
    views = List.copyOf(views);
    if (views.size() != boxes.size()) {
      throw new IllegalArgumentException("a preview has one view per face");
    }
    if (boxes.isEmpty() != largest.isEmpty()) {
      throw new IllegalArgumentException("a preview has a largest face exactly when it has faces");
    }
  }
}
