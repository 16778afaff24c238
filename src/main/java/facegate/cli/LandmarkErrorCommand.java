package facegate.cli;

import facegate.core.AlignedFace;
import facegate.core.FaceKeypoints;
import facegate.core.ProfilePoints;
import facegate.eval.CfpFiducials;
import facegate.eval.LandmarkErrors;
import facegate.eval.PoseGroupAccuracy;
import facegate.eval.ViewConfusion;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.KeypointYaw;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code landmark-error}: runs the pipeline's detection and 68 landmarks on CFP photos and prints
 * their error against the hand-marked fiducials per pose label ({@link LandmarkErrors}), as
 * fractions of the face size ({@link CfpFiducials#faceSize()}), then the same for the detector's
 * six keypoints (lines prefixed {@code keypoints}), then how the keypoint yaw ({@link KeypointYaw})
 * and the 68-point yaw sort the photos into views ({@link ViewConfusion}), with the keypoint yaw's
 * constant fitted on the odd-numbered people.
 */
@Command(
    name = "landmark-error",
    description = "Landmark error of the pipeline against CFP's hand-marked fiducials, per pose.")
final class LandmarkErrorCommand implements Callable<Integer> {
  @Option(names = "--images", required = true, description = "CFP images folder.")
  Path images;

  @Option(names = "--fiducials", required = true, description = "CFP fiducials folder.")
  Path fiducials;

  @Option(
      names = "--poses",
      required = true,
      description = "Pose labels 'image<TAB>frontal|profile' (CFP's poses.tsv): the photos used.")
  Path poseLabels;

  @Option(
      names = "--every",
      defaultValue = "1",
      description = "Use every n-th photo of the label file (sorted by name).")
  int every;

  @Option(names = "--threads", defaultValue = "2", description = "Photos processed at once.")
  int threads;

  @Option(
      names = "--profile-yaw",
      defaultValue = "45",
      description = "|yaw| from which the yaw estimate calls a face a profile (counted).")
  double profileYawDegrees;

  @Option(
      names = "--yaw-constant",
      description = "KeypointYaw's nose depth for the view tables (default: the shipped one).")
  double yawConstant = KeypointYaw.SHIPPED_NOSE_DEPTH;

  @Mixin ModelOptions models;

  private record Outcome(
      String image, String label, CfpFiducials truth, Optional<AlignedFace> face) {}

  @Override
  public Integer call() throws Exception {
    List<Map.Entry<String, String>> photos =
        new ArrayList<>(new TreeMap<>(PoseGroupAccuracy.readLabels(poseLabels)).entrySet());
    LandmarkErrors errors = new LandmarkErrors(profileYawDegrees);
    LandmarkErrors keypointErrors = new LandmarkErrors(profileYawDegrees);
    ViewConfusion views = new ViewConfusion();
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    KeypointYaw keypointYaw = new KeypointYaw(yawConstant);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (FaceRecognizer recognizer = models.open(threads)) {
      List<Future<Outcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < photos.size(); i += every) {
        Map.Entry<String, String> photo = photos.get(i);
        outcomes.add(pool.submit(() -> locate(recognizer, photo.getKey(), photo.getValue())));
      }
      ProgressBar bar = new ProgressBar(System.err, "landmarks", outcomes.size());
      int done = 0;
      for (Future<Outcome> future : outcomes) {
        Outcome o = future.get();
        double landmarkYaw = Double.NaN;
        if (o.face().isEmpty() || o.face().get().fallbackCrop()) {
          errors.addMissing(o.label());
        } else {
          AlignedFace face = o.face().get();
          landmarkYaw = poses.estimate(face.landmarks()).yawDegrees();
          errors.add(o.label(), o.truth(), face.landmarks(), landmarkYaw);
        }
        FaceKeypoints keypoints = o.face().map(face -> face.box().keypoints()).orElse(null);
        if (keypoints == null) {
          keypointErrors.addMissing(o.label());
        } else {
          double yaw = keypointYaw.yawDegrees(keypoints);
          keypointErrors.add(
              o.label(),
              o.truth(),
              ProfilePoints.fromKeypoints(keypoints, o.truth().facingRight()),
              yaw);
        }
        views.add(person(o.image()), o.label(), keypoints, landmarkYaw);
        bar.update(++done);
      }
    } finally {
      pool.shutdownNow();
    }
    errors.summary().forEach(System.out::println);
    keypointErrors.summary().forEach(line -> System.out.println("keypoints " + line));
    System.out.println("keypoint yaw constant fitted on odd people: " + views.fitOnOddPeople());
    System.out.println("view tables at constant " + yawConstant + ":");
    views.summary(keypointYaw).forEach(System.out::println);
    return 0;
  }

  /** CFP's person number of {@code cfpNNN/cfpNNN_00KK.jpg}. */
  static int person(String image) {
    return Integer.parseInt(image.substring(3, image.indexOf('/')));
  }

  private Outcome locate(FaceRecognizer recognizer, String image, String label) {
    Path path = images.resolve(image);
    CfpFiducials truth = CfpFiducials.read(CfpFiducials.fileOf(fiducials, path));
    List<AlignedFace> faces =
        recognizer.alignFaces(recognizer.decode(ImageEmbedding.read(path)), false);
    return new Outcome(image, label, truth, faces.stream().findFirst());
  }
}
