package facegate.pose;

import facegate.core.AlignedFace;
import facegate.core.FaceBox;
import java.util.Objects;

/**
 * The {@link FaceView} of an aligned face: from the detector's keypoints when it gave them ({@link
 * KeypointYaw}, measured better on CFP profiles than the 68 landmarks: see docs/cfp.md), otherwise
 * from the 68 landmarks ({@link HeadPoseEstimator}); unknown for a fallback crop without keypoints
 * or when the landmark fit fails. Thread-safe.
 */
public final class ViewEstimator {
  private final KeypointYaw keypointYaw;
  private final HeadPoseEstimator landmarkPose;

  public ViewEstimator(KeypointYaw keypointYaw, HeadPoseEstimator landmarkPose) {
    this.keypointYaw = Objects.requireNonNull(keypointYaw, "keypointYaw");
    this.landmarkPose = Objects.requireNonNull(landmarkPose, "landmarkPose");
  }

  /** The estimator with the shipped constants. */
  public static ViewEstimator shipped() {
    return new ViewEstimator(KeypointYaw.shipped(), HeadPoseEstimator.shipped());
  }

  /** The view of a detected face from its keypoints; unknown when the detector gave none. */
  public FaceView estimate(FaceBox box) {
    return box.hasKeypoints()
        ? new FaceView(keypointYaw.yawDegrees(box.keypoints()))
        : FaceView.UNKNOWN;
  }

  /** The view of {@code face}; never null. */
  public FaceView estimate(AlignedFace face) {
    if (face.box().hasKeypoints()) {
      return new FaceView(keypointYaw.yawDegrees(face.box().keypoints()));
    }
    if (face.fallbackCrop()) {
      return FaceView.UNKNOWN;
    }
    try {
      return new FaceView(landmarkPose.estimate(face.landmarks()).yawDegrees());
    } catch (IllegalStateException e) {
      return FaceView.UNKNOWN;
    }
  }
}
