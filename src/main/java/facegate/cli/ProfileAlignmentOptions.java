package facegate.cli;

import facegate.core.AlignedFace;
import facegate.core.Embedding;
import facegate.core.ProfilePoints;
import facegate.core.RgbImage;
import facegate.eval.CfpFiducials;
import facegate.eval.PoseGroupAccuracy;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.HeadPoseEstimator;
import facegate.vision.ProfileAligner;
import facegate.vision.ProfileTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The profile-alignment experiment of {@code eval}: profile faces aligned to the profile template
 * ({@link ProfileAligner}) instead of the frontal chip, with points from CFP's hand-marked
 * fiducials (an upper bound for the alignment) or from the pipeline's 68 landmarks.
 */
final class ProfileAlignmentOptions {
  /** Where the profile points come from. */
  enum Source {
    /** No profile alignment: the pipeline as it is. */
    NONE,
    /**
     * Photos labelled profile in {@code --poses} are aligned on their fiducials (no detection); the
     * others go through the pipeline.
     */
    FIDUCIALS,
    /**
     * Every photo goes through detection and the 68 landmarks; those whose yaw estimate is at least
     * {@code --profile-yaw} are aligned to the profile template.
     */
    LANDMARKS
  }

  @Option(
      names = "--profile-alignment",
      defaultValue = "NONE",
      description =
          "Experiment: align profiles to the profile template, points from NONE (the pipeline as"
              + " is), FIDUCIALS (CFP's hand-marked points of photos labelled profile in"
              + " --poses; needs --fiducials) or LANDMARKS (the 68 landmarks, profile when"
              + " |yaw| >= --profile-yaw). Default: ${DEFAULT-VALUE}.")
  Source source;

  @Option(names = "--fiducials", description = "CFP fiducials folder (cfp/fiducials).")
  Path fiducials;

  @Option(
      names = "--profile-yaw",
      defaultValue = "45",
      description = "|yaw| in degrees from which LANDMARKS aligns a face as a profile.")
  double profileYawDegrees;

  /**
   * {@code pipeline} with this experiment around it; {@code pipeline} itself for NONE.
   *
   * @param poseLabels the {@code --poses} file (needed for FIDUCIALS)
   */
  Function<Path, Optional<Embedding>> around(
      FaceRecognizer recognizer, Function<Path, Optional<Embedding>> pipeline, Path poseLabels) {
    return switch (source) {
      case NONE -> pipeline;
      case FIDUCIALS -> fromFiducials(recognizer, pipeline, poseLabels);
      case LANDMARKS -> fromLandmarks(recognizer, pipeline);
    };
  }

  private Function<Path, Optional<Embedding>> fromFiducials(
      FaceRecognizer recognizer, Function<Path, Optional<Embedding>> pipeline, Path poseLabels) {
    if (fiducials == null || poseLabels == null) {
      throw new IllegalArgumentException(
          "--profile-alignment FIDUCIALS needs --fiducials DIR and --poses FILE");
    }
    Map<String, String> labels = PoseGroupAccuracy.readLabels(poseLabels);
    ProfileAligner aligner = aligner(recognizer);
    return path -> {
      int n = path.getNameCount();
      if (!"profile".equals(labels.get(path.subpath(n - 2, n).toString()))) {
        return pipeline.apply(path);
      }
      ProfilePoints points =
          CfpFiducials.read(CfpFiducials.fileOf(fiducials, path)).profilePoints(true);
      RgbImage image = recognizer.decode(ImageEmbedding.read(path));
      return Optional.of(recognizer.embedChip(aligner.align(image, points)));
    };
  }

  /** Faces not called profiles are {@code pipeline}'s (which may be cached): the same chip. */
  private Function<Path, Optional<Embedding>> fromLandmarks(
      FaceRecognizer recognizer, Function<Path, Optional<Embedding>> pipeline) {
    ProfileAligner aligner = aligner(recognizer);
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    return path -> {
      RgbImage image = recognizer.decode(ImageEmbedding.read(path));
      List<AlignedFace> faces = recognizer.alignFaces(image, false);
      if (faces.isEmpty()) {
        return pipeline.apply(path);
      }
      AlignedFace face = faces.get(0);
      if (face.fallbackCrop()) {
        return pipeline.apply(path);
      }
      double yaw = poses.estimate(face.landmarks()).yawDegrees();
      if (Math.abs(yaw) < profileYawDegrees) {
        return pipeline.apply(path);
      }
      ProfilePoints points = ProfilePoints.fromLandmarks(face.landmarks(), yaw > 0);
      return Optional.of(recognizer.embedChip(aligner.align(image, points)));
    };
  }

  private static ProfileAligner aligner(FaceRecognizer recognizer) {
    return new ProfileAligner(ProfileTemplate.shipped(), recognizer.embedder().inputSize(), 0.25);
  }
}
