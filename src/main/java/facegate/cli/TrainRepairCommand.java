package facegate.cli;

import com.google.gson.JsonObject;
import facegate.core.RgbImage;
import facegate.embed.TrainableNetwork;
import facegate.pose.FaceRenderer3d;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.ProfileIdentity;
import facegate.pose.RepairConfig;
import facegate.pose.RepairTrainer;
import facegate.pose.RotateAndRender;
import facegate.train.FaceSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  @Mixin GeneratorTrainingOptions generator;

  @Option(names = "--batch", defaultValue = "8", description = "Pairs per step (default: 8).")
  int batch;

  @Option(names = "--max-minutes", defaultValue = "35", description = "Default: 35.")
  double maxMinutes;

  @Option(names = "--lambda-l1", defaultValue = "20", description = "Default: 20.")
  float l1Weight;

  @Option(names = "--lambda-id", defaultValue = "2", description = "Default: 2.")
  float identityWeight;

  @Option(names = "--lambda-adv", defaultValue = "1", description = "Default: 1.")
  float adversarialWeight;

  @Option(names = "--lambda-tv", defaultValue = "0.1", description = "Default: 0.1.")
  float totalVariationWeight;

  @Option(
      names = "--lambda-profile",
      defaultValue = "0",
      description =
          "Weight of the real-profile identity term: frontals turned to 60-90 degrees, repaired,"
              + " against their people's real turned faces, by --profile-identity-model; 0 for"
              + " none (default: ${DEFAULT-VALUE}).")
  float profileWeight;

  @Option(
      names = "--profile-identity-model",
      defaultValue = "models/dlib-resnet-faceapi",
      description =
          "Frozen network of the real-profile term; it must take the crops' chip size"
              + " (default: ${DEFAULT-VALUE}).")
  Path profileIdentityModel;

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
            generator.imageSize,
            generator.baseChannels,
            generator.residualBlocks,
            batch,
            generator.maxSteps,
            maxMinutes,
            generator.learningRate,
            l1Weight,
            identityWeight,
            adversarialWeight,
            totalVariationWeight,
            profileWeight,
            generator.seed,
            sampleEvery);
    List<FaceSample> samples = heldOut.split(datasets.loadOrBuild("crops")).training();
    HeadPoseEstimator poses = HeadPoseEstimator.shipped();
    List<RepairTrainer.Source> sources = new ArrayList<>();
    List<RgbImage> turned = new ArrayList<>();
    List<ProfileIdentity.Frontal> frontals = new ArrayList<>();
    Map<String, List<RgbImage>> turnedByPerson = new LinkedHashMap<>();
    for (FaceSample sample : samples) {
      RepairTrainer.Source source =
          RepairTrainer.Source.resampled(
              sample.chip(), sample.chipLandmarks(), generator.imageSize);
      if (Math.abs(poses.estimate(sample.chipLandmarks()).yawDegrees()) < turnedYawDegrees) {
        sources.add(source);
        frontals.add(
            new ProfileIdentity.Frontal(sample.chip(), sample.chipLandmarks(), sample.identity()));
      } else {
        turned.add(source.chip());
        turnedByPerson
            .computeIfAbsent(sample.identity(), k -> new ArrayList<>())
            .add(sample.chip());
      }
    }
    System.err.printf(
        Locale.ROOT,
        "render repair on %d faces to turn, %d real turned faces%n",
        sources.size(),
        turned.size());
    JsonObject manifest = generator.manifest(datasets, samples);
    manifest.addProperty("facesToTurn", sources.size());
    manifest.addProperty("realTurnedFaces", turned.size());
    manifest.addProperty("heldOut", heldOut.describe());
    RepairTrainer.StepReport last;
    try (TrainableNetwork identity = generator.identityNetwork();
        TrainableNetwork profileNetwork =
            profileWeight > 0
                ? TrainableNetwork.load(profileIdentityModel, ai.djl.Device.cpu())
                : null) {
      ProfileIdentity profileTerm = null;
      if (profileNetwork != null) {
        profileTerm =
            ProfileIdentity.of(profileNetwork, FaceRenderer3d.shipped(), frontals, turnedByPerson);
        System.err.printf(
            Locale.ROOT,
            "real-profile identity term: %d frontals of %d people with real turned faces%n",
            profileTerm.frontals(),
            profileTerm.people());
        manifest.addProperty("profileIdentityModel", profileIdentityModel.toString());
      }
      last =
          new RepairTrainer(
                  config, sources, turned, identity, RotateAndRender.shipped(), profileTerm)
              .train(generator.out, manifest, progress());
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
        generator.out);
    return 0;
  }

  private RepairTrainer.Listener progress() {
    ProgressBar bar = new ProgressBar(System.err, "train-repair", generator.maxSteps);
    return new RepairTrainer.Listener() {
      @Override
      public void onStep(RepairTrainer.StepReport r) {
        bar.update(
            r.step(),
            String.format(
                Locale.ROOT,
                " G %.3f D %.3f L1 %.4f (unrepaired %.4f) id %.3f profile %.3f %.1f img/s"
                    + " ETA %d:%02d",
                r.generatorLoss(),
                r.discriminatorLoss(),
                r.l1Loss(),
                r.unrepairedL1(),
                r.identityLoss(),
                r.profileLoss(),
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
