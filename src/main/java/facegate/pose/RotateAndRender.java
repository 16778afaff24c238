package facegate.pose;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.Objects;

/**
 * Rotate-and-render self-supervision (Zhou et al., CVPR 2020) with the generic head of {@link
 * FaceRenderer3d}: the mesh is placed on the face (its 68 vertices on the photo's landmarks, the
 * generic depth), textured from the photo, turned to a target yaw and drawn; that view then
 * textures the same mesh, turned back to the photo's own pose and drawn again. The back-rendered
 * image has the holes, stretching and mirror filling that a real turn leaves, at the photo's own
 * pose, so the photo itself is its ground truth: a paired repair task. Pitch and roll are kept.
 * Thread-safe; no randomness.
 */
public final class RotateAndRender {
  private final FaceRenderer3d renderer;

  public RotateAndRender(FaceRenderer3d renderer) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  /** With the shipped generic face. */
  public static RotateAndRender shipped() {
    return new RotateAndRender(FaceRenderer3d.shipped());
  }

  /**
   * One training pair.
   *
   * @param turned the face drawn at the target yaw (in the photo's frame, not re-aligned)
   * @param backRendered {@code turned} drawn back at the photo's pose: the repair network's input
   * @param original the photo: the ground truth
   */
  public record Pair(RgbImage turned, RgbImage backRendered, RgbImage original) {}

  /**
   * The pair of {@code image} (landmarks in its pixels) through {@code targetYawDegrees}. A target
   * equal to the face's own yaw gives a back-render equal to the photo up to resampling.
   */
  public Pair pair(RgbImage image, Landmarks landmarks, double targetYawDegrees) {
    HeadPose pose = renderer.estimator().estimate(landmarks);
    double[][] source =
        FaceRotation.matrix(pose.yawDegrees(), pose.pitchDegrees(), pose.rollDegrees());
    double[][] target =
        FaceRotation.matrix(targetYawDegrees, pose.pitchDegrees(), pose.rollDegrees());
    MeshPlacement placement = renderer.place(landmarks, source);
    double[][] atTarget = placement.project(target);
    MeshRasterizer rasterizer = renderer.rasterizer();
    int w = image.width();
    int h = image.height();
    PlaneSimilarity same = PlaneSimilarity.IDENTITY;
    RgbImage turned =
        rasterizer.draw(image, placement.sourcePixels(), atTarget, source, same, w, h);
    MeshPlacement seen = placement.lift(atTarget, target);
    double[][] back = seen.project(source);
    RgbImage backRendered = rasterizer.draw(turned, seen.sourcePixels(), back, target, same, w, h);
    return new Pair(turned, backRendered, image);
  }

  /**
   * Where the vertices of {@code placement} land after turning to {@code target} and back to {@code
   * source}: pixels and depth, as {@link MeshPlacement#project} gives them.
   */
  static double[][] turnedAndBack(MeshPlacement placement, double[][] source, double[][] target) {
    return placement.lift(placement.project(target), target).project(source);
  }
}
