package facegate.cli;

import facegate.core.AlignedFace;
import facegate.core.Embedding;
import facegate.core.FaceBox;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.eval.GanViewEvaluation;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.FaceRenderer3d;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.PoseGan;
import facegate.train.FaceSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gan-eval}: the pose GAN's three measures, beside the 3D re-rendering's on the same faces.
 * For each source face and each other pose domain: identity preservation (cosine between the {@code
 * --align-model}'s embeddings (default the imported model) of the source chip and the view), pose
 * accuracy (the view's yaw re-estimated from the landmark network's landmarks, and whether it falls
 * in the asked domain), and realism (Fréchet distance between embeddings of views and of other real
 * faces, against the distance between two sets of real faces).
 */
@Command(
    name = "gan-eval",
    mixinStandardHelpOptions = true,
    description = "Identity, pose accuracy and realism of pose GAN and 3D views of real faces.")
final class GanEvalCommand implements Callable<Integer> {
  /** Where the landmark network looks for the face on a 150 px chip (as Measure3dViews). */
  private static final FaceBox CHIP_FACE = new FaceBox(20, 20, 110, 110, 1, FaceBox.View.ANY);

  @Mixin DatasetOptions datasets;

  @Option(
      names = "--gan-model",
      defaultValue = "models/pose-gan",
      description = "Default: ${DEFAULT-VALUE}.")
  Path ganModel;

  @Option(names = "--faces", defaultValue = "200", description = "Source faces (default: 200).")
  int faces;

  @Option(names = "--seed", defaultValue = "3", description = "Default: 3.")
  long seed;

  @Override
  public Integer call() {
    List<FaceSample> samples = new ArrayList<>(datasets.loadOrBuild("crops"));
    Collections.shuffle(samples, new Random(seed));
    if (samples.size() < 2 * faces) {
      throw new IllegalArgumentException(
          "need " + 2 * faces + " faces (sources + a real reference set), have " + samples.size());
    }
    List<GanViewEvaluation.Face> chips =
        samples.stream()
            .map(s -> new GanViewEvaluation.Face(s.identity(), s.chip(), s.chipLandmarks()))
            .toList();
    GanViewEvaluation.Result result;
    try (PoseGan gan = PoseGan.open(ganModel);
        FaceRecognizer recognizer = datasets.openRecognizer(1)) {
      ProgressBar bar = new ProgressBar(System.err, "gan-eval", faces);
      result =
          GanViewEvaluation.run(
              chips.subList(0, faces),
              chips.subList(faces, 2 * faces),
              gan,
              FaceRenderer3d.shipped(),
              HeadPoseEstimator.shipped(),
              networks(recognizer),
              bar::update);
    }
    System.err.println();
    result.lines(seed).forEach(System.out::println);
    return 0;
  }

  /** The recognizer's embedding and landmark networks on 150 px chips. */
  static GanViewEvaluation.ChipNetworks networks(FaceRecognizer recognizer) {
    return new GanViewEvaluation.ChipNetworks() {
      @Override
      public Embedding embed(RgbImage chip) {
        return recognizer.embed(List.of(new AlignedFace(chip, CHIP_FACE, null, true))).get(0);
      }

      @Override
      public Landmarks landmarks(RgbImage chip) {
        return recognizer.locateLandmarks(chip, CHIP_FACE);
      }
    };
  }
}
