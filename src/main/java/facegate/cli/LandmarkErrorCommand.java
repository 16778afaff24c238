package facegate.cli;

import facegate.core.AlignedFace;
import facegate.eval.CfpFiducials;
import facegate.eval.LandmarkErrors;
import facegate.eval.PoseGroupAccuracy;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.HeadPoseEstimator;
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
 * fractions of the face size ({@link CfpFiducials#faceSize()}).
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

  @Mixin ModelOptions models;

  private record Outcome(String label, CfpFiducials truth, Optional<AlignedFace> face) {}

  @Override
  public Integer call() throws Exception {
    List<Map.Entry<String, String>> photos =
        new ArrayList<>(new TreeMap<>(PoseGroupAccuracy.readLabels(poseLabels)).entrySet());
    LandmarkErrors errors = new LandmarkErrors(profileYawDegrees);
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
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
        if (o.face().isEmpty() || o.face().get().fallbackCrop()) {
          errors.addMissing(o.label());
        } else {
          AlignedFace face = o.face().get();
          errors.add(
              o.label(),
              o.truth(),
              face.landmarks(),
              poses.estimate(face.landmarks()).yawDegrees());
        }
        bar.update(++done);
      }
    } finally {
      pool.shutdownNow();
    }
    errors.summary().forEach(System.out::println);
    return 0;
  }

  private Outcome locate(FaceRecognizer recognizer, String image, String label) {
    Path path = images.resolve(image);
    CfpFiducials truth = CfpFiducials.read(CfpFiducials.fileOf(fiducials, path));
    List<AlignedFace> faces =
        recognizer.alignFaces(recognizer.decode(ImageEmbedding.read(path)), false);
    return new Outcome(label, truth, faces.stream().findFirst());
  }
}
