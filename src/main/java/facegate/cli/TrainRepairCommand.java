package facegate.cli;

import com.google.gson.JsonObject;
import facegate.core.RgbImage;
import facegate.embed.TrainableNetwork;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.RepairConfig;
import facegate.pose.RepairTrainer;
import facegate.pose.RotateAndRender;
import facegate.train.FaceSample;
import facegate.train.TrainingManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code facegate train-repair}: trains the rotate-and-render repair generator on a dataset's
 * aligned crops. Faces whose estimated |yaw| is below {@code --turned-yaw} are turned and
 * back-rendered; the others are the real turned faces the discriminator learns from.
 */
@Command(
    name = "train-repair",
    mixinStandardHelpOptions = true,
    description =
        "Trains the rotate-and-render repair generator (U-Net + PatchGAN; L1, identity,"
            + " adversarial and TV losses) on back-rendered crops.")
final class TrainRepairCommand implements Callable<Integer> {
  @Mixin DatasetOptions datasets;

  @Option(names = "--out", required = true, description = "Output generator folder.")
  Path out;

  @Option(
      names = "--identity-model",
      defaultValue = "models/scratch",
      description =
          "Frozen embedding network of the identity loss; it must take --image-size px"
              + " (default: ${DEFAULT-VALUE}).")
  Path identityModel;

  @Option(names = "--image-size", defaultValue = "64", description = "Side in px (default: 64).")
  int imageSize;

  @Option(names = "--base-channels", defaultValue = "16", description = "Default: 16.")
  int baseChannels;

  @Option(names = "--residual-blocks", defaultValue = "3", description = "Default: 3.")
  int residualBlocks;

  @Option(names = "--batch", defaultValue = "8", description = "Pairs per step (default: 8).")
  int batch;

  @Option(names = "--max-steps", defaultValue = "4000", description = "Default: 4000.")
  int maxSteps;

  @Option(names = "--max-minutes", defaultValue = "35", description = "Default: 35.")
  double maxMinutes;

  @Option(names = "--lr", defaultValue = "0.0002", description = "Adam rate (default: 0.0002).")
  float learningRate;

  @Option(names = "--lambda-l1", defaultValue = "20", description = "Default: 20.")
  float l1Weight;

  @Option(names = "--lambda-id", defaultValue = "2", description = "Default: 2.")
  float identityWeight;

  @Option(names = "--lambda-adv", defaultValue = "1", description = "Default: 1.")
  float adversarialWeight;

  @Option(names = "--lambda-tv", defaultValue = "0.1", description = "Default: 0.1.")
  float totalVariationWeight;

  @Option(names = "--seed", defaultValue = "1", description = "Default: 1.")
  long seed;

  @Option(
      names = "--sample-every",
      defaultValue = "100",
      description = "Steps between sample grids and checkpoints (default: 100).")
  int sampleEvery;

  @Option(
      names = "--turned-yaw",
      defaultValue = "30",
      description =
          "Faces at this estimated |yaw| or more are real turned faces for the discriminator"
              + " (default: ${DEFAULT-VALUE}).")
  double turnedYawDegrees;

  @Mixin HeldOutOptions heldOut;

  @Override
  public Integer call() {
    RepairConfig config =
        new RepairConfig(
            imageSize,
            baseChannels,
            residualBlocks,
            batch,
            maxSteps,
            maxMinutes,
            learningRate,
            l1Weight,
            identityWeight,
            adversarialWeight,
            totalVariationWeight,
            seed,
            sampleEvery);
    List<FaceSample> samples = heldOut.split(datasets.loadOrBuild("crops")).training();
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    List<RepairTrainer.Source> sources = new ArrayList<>();
    List<RgbImage> turned = new ArrayList<>();
    for (FaceSample sample : samples) {
      RepairTrainer.Source source =
          RepairTrainer.Source.resampled(sample.chip(), sample.chipLandmarks(), imageSize);
      if (Math.abs(poses.estimate(sample.chipLandmarks()).yawDegrees()) < turnedYawDegrees) {
        sources.add(source);
      } else {
        turned.add(source.chip());
      }
    }
    System.err.printf(
        Locale.ROOT,
        "render repair on %d faces to turn, %d real turned faces%n",
        sources.size(),
        turned.size());
    JsonObject manifest = new JsonObject();
    manifest.addProperty("dataHash", TrainingManifest.dataHash(samples));
    manifest.addProperty("gitCommit", GitCommit.head());
    manifest.addProperty("cropCacheFingerprint", datasets.fingerprint());
    manifest.addProperty("facesToTurn", sources.size());
    manifest.addProperty("realTurnedFaces", turned.size());
    manifest.addProperty("heldOut", heldOut.describe());
    manifest.addProperty("identityModel", identityModel.toString());
    manifest.addProperty(
        "licence",
        "facegate's own weights, trained here on "
            + String.join(", ", datasets.sources().stream().map(s -> s.name()).toList())
            + " (research data; see LICENSE)");
    RepairTrainer.StepReport last;
    try (TrainableNetwork identity = TrainableNetwork.load(identityModel, ai.djl.Device.cpu())) {
      last =
          new RepairTrainer(config, sources, turned, identity, RotateAndRender.shipped())
              .train(out, manifest, progress());
    }
    System.out.printf(
        Locale.ROOT,
        "steps=%d generator-loss=%.4f discriminator-loss=%.4f l1-loss=%.4f unrepaired-l1=%.4f"
            + " identity-loss=%.4f images/s=%.1f out=%s%n",
        last.step(),
        last.generatorLoss(),
        last.discriminatorLoss(),
        last.l1Loss(),
        last.unrepairedL1(),
        last.identityLoss(),
        last.imagesPerSecond(),
        out);
    return 0;
  }

  private RepairTrainer.Listener progress() {
    ProgressBar bar = new ProgressBar(System.err, "train-repair", maxSteps);
    return new RepairTrainer.Listener() {
      @Override
      public void onStep(RepairTrainer.StepReport r) {
        bar.update(
            r.step(),
            String.format(
                Locale.ROOT,
                " G %.3f D %.3f L1 %.4f (unrepaired %.4f) id %.3f %.1f img/s ETA %d:%02d",
                r.generatorLoss(),
                r.discriminatorLoss(),
                r.l1Loss(),
                r.unrepairedL1(),
                r.identityLoss(),
                r.imagesPerSecond(),
                r.etaSeconds() / 60,
                r.etaSeconds() % 60));
      }

      @Override
      public void onSamples(int step, Path grid) {
        System.err.printf(Locale.ROOT, "%nstep %d samples %s%n", step, grid);
      }
    };
  }
}
