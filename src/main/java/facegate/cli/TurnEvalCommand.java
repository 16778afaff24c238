package facegate.cli;

import facegate.eval.ChipYaw;
import facegate.eval.GanViewEvaluation;
import facegate.eval.PoseGroupAccuracy;
import facegate.eval.TurnEvaluation;
import facegate.pipeline.FaceRecognizer;
import facegate.pipeline.MediaPipeDetectors;
import facegate.pose.ContactSheet;
import facegate.pose.FaceRenderer3d;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.KeypointYaw;
import facegate.pose.MeshYaw;
import facegate.pose.PoseBucket;
import facegate.pose.PoseGan;
import facegate.pose.RenderRepair;
import facegate.train.FaceSample;
import facegate.vision.FaceAligner;
import facegate.vision.ImageEncoder;
import facegate.vision.MediaPipeFaceMesh;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code turn-eval}: turns held-out frontal photos to ±30/60/90° with each method ({@code 3d},
 * {@code gan}, {@code rr}) and measures pose hit rate (by the 68-point landmark yaw, the MediaPipe
 * keypoint yaw or both), identity and realism against the held-out people's real profiles ({@link
 * TurnEvaluation}); writes a sample grid.
 */
@Command(
    name = "turn-eval",
    mixinStandardHelpOptions = true,
    description =
        "Pose hit rate, identity and realism of turned views (3d, gan, rr) of held-out frontals.")
final class TurnEvalCommand implements Callable<Integer> {
  @Mixin DatasetOptions datasets;

  @Mixin HeldOutOptions heldOut;

  @Option(
      names = "--poses",
      required = true,
      description = "Pose labels 'image<TAB>frontal|profile' (CFP's poses.tsv).")
  Path poseLabels;

  @Option(
      names = "--methods",
      defaultValue = "3d,gan,rr",
      split = ",",
      description = "Methods to measure (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(
      names = "--gan-model",
      defaultValue = "models/pose-gan",
      description = "Default: ${DEFAULT-VALUE}.")
  Path ganModel;

  @Option(
      names = "--repair-model",
      defaultValue = "models/render-repair",
      description = "Default: ${DEFAULT-VALUE}.")
  Path repairModel;

  @Option(
      names = "--faces",
      defaultValue = "100",
      description = "Source frontals, one per held-out person (default: 100).")
  int faces;

  @Option(
      names = "--real-turned",
      defaultValue = "0",
      description = "At most this many held-out profiles as the realism reference; 0 for all.")
  int realTurned;

  @Option(
      names = "--yaw-estimator",
      defaultValue = "both",
      description =
          "Which yaw re-estimates the views for the pose hit: landmarks (68-point network +"
              + " HeadPoseEstimator), keypoints (MediaPipe detector's keypoints + KeypointYaw),"
              + " both (these two), mesh (MediaPipe FaceMesh + MeshYaw) or all three"
              + " (default: ${DEFAULT-VALUE}).")
  YawChoice yawEstimator;

  @Option(
      names = "--yaw-constant",
      description = "KeypointYaw's nose depth for the keypoint yaw (default: the shipped one).")
  double yawConstant = KeypointYaw.SHIPPED_NOSE_DEPTH;

  @Option(
      names = "--mesh-model",
      defaultValue = "models/" + MediaPipeDetectors.FACE_MESH_MODEL,
      description = "FaceMesh model folder for the mesh yaw (default: ${DEFAULT-VALUE}).")
  Path meshModel;

  @Option(names = "--grid", required = true, description = "Sample grid PNG to write.")
  Path grid;

  @Option(names = "--grid-rows", defaultValue = "6", description = "Default: 6.")
  int gridRows;

  @Override
  public Integer call() throws Exception {
    Map<String, String> labels = PoseGroupAccuracy.readLabels(poseLabels);
    List<FaceSample> held = heldOut.split(datasets.loadOrBuild("crops")).validation();
    List<GanViewEvaluation.Face> sources = new ArrayList<>();
    List<GanViewEvaluation.Face> profiles = new ArrayList<>();
    Set<String> people = new HashSet<>();
    for (FaceSample sample : held) {
      String label = labels.get(key(sample.source()));
      GanViewEvaluation.Face face =
          new GanViewEvaluation.Face(sample.identity(), sample.chip(), sample.chipLandmarks());
      if ("profile".equals(label) && (realTurned <= 0 || profiles.size() < realTurned)) {
        profiles.add(face);
      } else if ("frontal".equals(label)
          && sources.size() < faces
          && people.add(sample.identity())) {
        sources.add(face);
      }
    }
    System.err.printf(
        "turn-eval: %d held-out frontals, %d held-out profiles%n", sources.size(), profiles.size());
    FaceRenderer3d renderer = FaceRenderer3d.shipped();
    List<AutoCloseable> open = new ArrayList<>();
    try (FaceRecognizer recognizer = datasets.openRecognizer(1)) {
      Map<String, TurnEvaluation.Method> chosen = new LinkedHashMap<>();
      for (String method : methods) {
        chosen.put(method, method(method, renderer, open));
      }
      ProgressBar bar = new ProgressBar(System.err, "turn-eval", sources.size());
      TurnEvaluation.Result result =
          TurnEvaluation.run(
              sources,
              profiles,
              chosen,
              TurnEvaluation.YAWS,
              estimators(recognizer, open),
              GanEvalCommand.networks(recognizer),
              gridRows,
              bar::update);
      System.err.println();
      result.lines().forEach(System.out::println);
      TurnEvaluation.renderedGeometryYaws(
              sources, renderer, HeadPoseEstimator.shipped(), TurnEvaluation.YAWS)
          .forEach(
              (target, yaw) ->
                  System.out.printf(
                      java.util.Locale.ROOT,
                      "3d-geometry target=%+.0f yaw-of-rendered-landmarks=%.1f%n",
                      target,
                      yaw));
      ImageEncoder.write(ContactSheet.of(result.grid()), grid);
      System.out.println(
          "grid="
              + grid
              + " (rows: source, then per method "
              + methods
              + " yaws "
              + TurnEvaluation.YAWS
              + ")");
    } finally {
      for (AutoCloseable resource : open) {
        resource.close();
      }
    }
    return 0;
  }

  /** The yaw estimators {@code --yaw-estimator} asks for, landmarks first. */
  private Map<String, ChipYaw> estimators(FaceRecognizer recognizer, List<AutoCloseable> open) {
    Map<String, ChipYaw> estimators = new LinkedHashMap<>();
    if (yawEstimator.landmarks()) {
      estimators.put(
          "landmarks",
          ChipYaw.landmarks(GanEvalCommand.networks(recognizer), HeadPoseEstimator.shipped()));
    }
    if (yawEstimator.keypoints()) {
      estimators.put(
          "keypoints", ChipYaw.keypoints(recognizer::largestFaceBox, new KeypointYaw(yawConstant)));
    }
    if (yawEstimator.mesh()) {
      MediaPipeFaceMesh mesh = MediaPipeDetectors.loadFaceMesh(meshModel);
      open.add(mesh);
      estimators.put(
          "mesh", ChipYaw.mesh(recognizer::largestFaceBox, mesh, MeshYaw::eyeCornerYawDegrees));
    }
    return estimators;
  }

  /** The values of {@code --yaw-estimator}. */
  enum YawChoice {
    landmarks,
    keypoints,
    both,
    mesh,
    all;

    boolean landmarks() {
      return this == landmarks || this == both || this == all;
    }

    boolean keypoints() {
      return this == keypoints || this == both || this == all;
    }

    boolean mesh() {
      return this == mesh || this == all;
    }
  }

  private TurnEvaluation.Method method(
      String name, FaceRenderer3d renderer, List<AutoCloseable> open) {
    return switch (name) {
      case "3d" -> (face, yaw) -> renderer.render(face.chip(), face.landmarks(), yaw).alignedChip();
      case "gan" -> {
        PoseGan gan = PoseGan.open(ganModel);
        open.add(gan);
        yield (face, yaw) ->
            FaceAligner.resampled(
                gan.generate(face.chip(), PoseBucket.of(yaw)), face.chip().width());
      }
      case "rr" -> {
        RenderRepair repair = RenderRepair.open(repairModel, renderer);
        open.add(repair);
        yield (face, yaw) -> repair.turn(face.chip(), face.landmarks(), yaw);
      }
      default ->
          throw new picocli.CommandLine.ParameterException(
              new picocli.CommandLine(this), "unknown method '" + name + "': use 3d, gan or rr");
    };
  }

  /** The label key of an image file: its folder and name, as in CFP's poses.tsv. */
  private static String key(String source) {
    Path path = Path.of(source);
    int n = path.getNameCount();
    return n < 2 ? path.toString() : path.subpath(n - 2, n).toString();
  }
}
