package facegate.cli;

import facegate.core.AlignedFace;
import facegate.core.Embedding;
import facegate.core.FaceBox;
import facegate.core.RgbImage;
import facegate.pipeline.FaceRecognizer;
import facegate.pose.FaceRenderer3d;
import facegate.pose.FrechetDistance;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.PoseBucket;
import facegate.pose.PoseGan;
import facegate.train.FaceSample;
import facegate.vision.FaceAligner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /** One method's results for one target domain. */
  private static final class Tally {
    int views;
    int inDomain;
    double cosine;
    double yaw;
    final List<float[]> embeddings = new ArrayList<>();
  }

  @Override
  public Integer call() {
    List<FaceSample> samples = new ArrayList<>(datasets.loadOrBuild("crops"));
    Collections.shuffle(samples, new Random(seed));
    if (samples.size() < 2 * faces) {
      throw new IllegalArgumentException(
          "need " + 2 * faces + " faces (sources + a real reference set), have " + samples.size());
    }
    List<FaceSample> sources = samples.subList(0, faces);
    List<FaceSample> reference = samples.subList(faces, 2 * faces);
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    FaceRenderer3d renderer = FaceRenderer3d.shipped();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    List<float[]> realSources = new ArrayList<>();
    List<float[]> realReference = new ArrayList<>();
    int realInDomain = 0;
    try (PoseGan gan = PoseGan.open(ganModel);
        FaceRecognizer recognizer = datasets.openRecognizer(1)) {
      ProgressBar bar = new ProgressBar(System.err, "gan-eval", faces);
      for (FaceSample face : reference) {
        realReference.add(embed(recognizer, face.chip()).values());
      }
      for (int i = 0; i < faces; i++) {
        FaceSample face = sources.get(i);
        RgbImage chip = face.chip();
        PoseBucket source = poses.estimate(face.chipLandmarks()).bucket();
        Embedding own = embed(recognizer, chip);
        realSources.add(own.values());
        if (PoseBucket.of(reEstimatedYaw(recognizer, poses, chip)) == source) {
          realInDomain++;
        }
        for (PoseBucket target : PoseBucket.values()) {
          RgbImage ganView = FaceAligner.resampled(gan.generate(chip, target), chip.width());
          String suffix = target == source ? "same domain" : "to " + target.label();
          record(tallies, "gan " + suffix, recognizer, poses, own, ganView, target);
          if (target != source) {
            RgbImage view =
                renderer
                    .render(chip, face.chipLandmarks(), target.typicalYawDegrees())
                    .alignedChip();
            record(tallies, "3d " + suffix, recognizer, poses, own, view, target);
          }
        }
        bar.update(i + 1);
      }
    }
    System.err.println();
    print(tallies, realInDomain, realSources, realReference);
    return 0;
  }

  private static void record(
      Map<String, Tally> tallies,
      String key,
      FaceRecognizer recognizer,
      HeadPoseEstimator poses,
      Embedding own,
      RgbImage view,
      PoseBucket target) {
    Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
    Embedding embedding = embed(recognizer, view);
    double yaw = reEstimatedYaw(recognizer, poses, view);
    tally.views++;
    tally.cosine += own.cosine(embedding);
    tally.yaw += yaw;
    tally.inDomain += PoseBucket.of(yaw) == target ? 1 : 0;
    tally.embeddings.add(embedding.values());
  }

  private void print(
      Map<String, Tally> tallies,
      int realInDomain,
      List<float[]> sources,
      List<float[]> reference) {
    float[][] referenceSet = reference.toArray(new float[0][]);
    System.out.printf(
        Locale.ROOT,
        "faces=%d real-chips-re-estimated-in-own-domain=%.4f fd-real-vs-real=%.4f%n",
        faces,
        realInDomain / (double) faces,
        FrechetDistance.between(sources.toArray(new float[0][]), referenceSet));
    System.out.println(
        "| views | n | mean cosine to source | re-estimated yaw in asked domain | mean re-estimated"
            + " yaw | Fréchet distance to real faces |");
    System.out.println("|---|---|---|---|---|---|");
    Map<String, List<float[]>> pooled = new LinkedHashMap<>();
    for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
      Tally t = entry.getValue();
      String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
      if (!entry.getKey().endsWith("same domain")) {
        pooled.computeIfAbsent(method, k -> new ArrayList<>()).addAll(t.embeddings);
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.4f | %.4f | %.1f | %s |%n",
          entry.getKey(),
          t.views,
          t.cosine / t.views,
          t.inDomain / (double) t.views,
          t.yaw / t.views,
          t.views >= 2
              ? String.format(
                  Locale.ROOT,
                  "%.4f",
                  FrechetDistance.between(t.embeddings.toArray(new float[0][]), referenceSet))
              : "-");
    }
    for (Map.Entry<String, List<float[]>> entry : pooled.entrySet()) {
      List<float[]> views = new ArrayList<>(entry.getValue());
      Collections.shuffle(views, new Random(seed + 1));
      System.out.printf(
          Locale.ROOT,
          "%s-turned-views fd-to-real=%.4f (%d of them, as many as the real set)%n",
          entry.getKey(),
          FrechetDistance.between(
              views.subList(0, Math.min(faces, views.size())).toArray(new float[0][]),
              referenceSet),
          Math.min(faces, views.size()));
    }
  }

  private static Embedding embed(FaceRecognizer recognizer, RgbImage chip) {
    return recognizer.embed(List.of(new AlignedFace(chip, CHIP_FACE, null, true))).get(0);
  }

  /** Yaw from the landmark network's landmarks found on a 150 px chip. */
  private static double reEstimatedYaw(
      FaceRecognizer recognizer, HeadPoseEstimator poses, RgbImage chip) {
    return poses.estimate(recognizer.locateLandmarks(chip, CHIP_FACE)).yawDegrees();
  }
}
