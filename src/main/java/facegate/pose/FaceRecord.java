package facegate.pose;

import facegate.core.FaceBox;
import facegate.core.Landmarks;
import java.util.Objects;

/**
 * What the pipeline found in one image of a data set: the largest face's detector view and its 68
 * landmarks (in image pixels), or nothing.
 *
 * @param image the image's path relative to the data root, with {@code /} separators
 * @param view the detector view of the largest face; null when no face was found
 * @param landmarks the largest face's landmarks; null exactly when {@code view} is null
 */
public record FaceRecord(String image, FaceBox.View view, Landmarks landmarks) {
  public FaceRecord {
    Objects.requireNonNull(image, "image");
    if (image.isBlank() || image.contains("\t") || image.contains("\n")) {
      throw new IllegalArgumentException("invalid image path: '" + image + "'");
    }
    if ((view == null) != (landmarks == null)) {
      throw new IllegalArgumentException("a face needs both a view and landmarks");
    }
  }

  public boolean hasFace() {
    return landmarks != null;
  }

  /** The data set an image belongs to: the first path segment ({@code lfw}, {@code celeba-299}). */
  public String dataset() {
    int slash = image.indexOf('/');
    return slash < 0 ? "" : image.substring(0, slash);
  }
}
