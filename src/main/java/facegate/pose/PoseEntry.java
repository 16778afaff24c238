package facegate.pose;

import facegate.core.FaceBox;
import java.util.Objects;

/**
 * One row of the pose table: an image of the shared data, its person and the estimated pose of its
 * largest face.
 *
 * @param image path relative to the data root, {@code /}-separated
 * @param identity the person (LFW folder name, CelebA identity number)
 * @param view which detector found the face
 * @param pose the estimated head pose
 */
public record PoseEntry(String image, String identity, FaceBox.View view, HeadPose pose) {
  public PoseEntry {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(pose, "pose");
  }

  /** The data set: the first path segment ({@code lfw}, {@code celeba-299}). */
  public String dataset() {
    int slash = image.indexOf('/');
    return slash < 0 ? "" : image.substring(0, slash);
  }

  public PoseBucket bucket() {
    return pose.bucket();
  }
}
