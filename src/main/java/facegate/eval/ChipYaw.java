package facegate.eval;

import facegate.core.FaceBox;
import facegate.core.RgbImage;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.KeypointYaw;
import facegate.vision.MediaPipeFaceMesh;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Reads the yaw of the face on an aligned chip, in degrees, positive when the nose points towards
 * the image's right edge (as {@link facegate.pose.HeadPose#yawDegrees()}); empty when it finds no
 * face on the chip. Used by {@link TurnEvaluation} to re-estimate the yaw of turned views.
 */
@FunctionalInterface
public interface ChipYaw {
  /** The yaw of the face on {@code chip}; empty when there is none to read. */
  OptionalDouble yawDegrees(RgbImage chip);

  /**
   * The 68 landmarks the landmark network finds on the chip, through {@code poses}; empty when the
   * pose fit fails. The landmark network always places 68 points, so this never misses a face.
   */
  static ChipYaw landmarks(GanViewEvaluation.ChipNetworks networks, HeadPoseEstimator poses) {
    Objects.requireNonNull(networks, "networks");
    Objects.requireNonNull(poses, "poses");
    return chip -> {
      try {
        return OptionalDouble.of(poses.estimate(networks.landmarks(chip)).yawDegrees());
      } catch (IllegalStateException e) {
        return OptionalDouble.empty();
      }
    };
  }

  /**
   * The keypoints of the largest face {@code detector} finds on the chip, through {@code yaw};
   * empty when it finds no face or its box carries no keypoints (e.g. the pipeline's SSD fallback
   * behind the MediaPipe detectors).
   */
  static ChipYaw keypoints(Function<RgbImage, Optional<FaceBox>> detector, KeypointYaw yaw) {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(yaw, "yaw");
    return chip ->
        detector
            .apply(chip)
            .filter(FaceBox::hasKeypoints)
            .map(box -> OptionalDouble.of(yaw.yawDegrees(box.keypoints())))
            .orElse(OptionalDouble.empty());
  }

  /**
   * MediaPipe FaceMesh on the largest face {@code detector} finds on the chip (human's crop around
   * its box), through {@code yaw}; empty when it finds no face or FaceMesh's face flag rejects the
   * crop.
   */
  static ChipYaw mesh(
      Function<RgbImage, Optional<FaceBox>> detector,
      MediaPipeFaceMesh mesh,
      ToDoubleFunction<float[]> yaw) {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(mesh, "mesh");
    Objects.requireNonNull(yaw, "yaw");
    return chip ->
        detector
            .apply(chip)
            .flatMap(box -> mesh.mesh(chip, box))
            .map(points -> OptionalDouble.of(yaw.applyAsDouble(points)))
            .orElse(OptionalDouble.empty());
  }
}
