package facegate.cli;

import com.google.gson.JsonObject;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.embed.TrainableNetwork;
import facegate.pose.GanFaces;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.PoseBucket;
import facegate.pose.PoseGanConfig;
import facegate.pose.PoseGanTrainer;
import facegate.train.FaceSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code facegate train-gan}: trains the pose GAN on a dataset's aligned crops. */
@Command(
    name = "train-gan",
    mixinStandardHelpOptions = true,
    description =
        "Trains the StarGAN-style pose GAN (generator + discriminator with a pose-domain head,"
            + " cycle and identity losses) on aligned crops labelled by estimated yaw.")
final class TrainGanCommand implements Callable<Integer> {
  @Mixin DatasetOptions datasets;

  @Mixin GeneratorTrainingOptions generator;

  @Option(names = "--batch", defaultValue = "16", description = "Faces per step (default: 16).")
  int batch;

  @Option(names = "--max-minutes", defaultValue = "40", description = "Default: 40.")
  double maxMinutes;

  @Option(names = "--lambda-cls", defaultValue = "1", description = "Default: 1.")
  float classificationWeight;

  @Option(names = "--lambda-rec", defaultValue = "10", description = "Default: 10.")
  float reconstructionWeight;

  @Option(names = "--lambda-id", defaultValue = "5", description = "Default: 5.")
  float identityWeight;

  @Option(
      names = "--sample-every",
      defaultValue = "250",
      description = "Steps between sample grids and checkpoints (default: 250).")
  int sampleEvery;

  @Override
  public Integer call() {
    PoseGanConfig config =
        new PoseGanConfig(
            generator.imageSize,
            generator.baseChannels,
            generator.residualBlocks,
            PoseBucket.values().length,
            batch,
            generator.maxSteps,
            maxMinutes,
            generator.learningRate,
            classificationWeight,
            reconstructionWeight,
            identityWeight,
            generator.seed,
            sampleEvery);
    List<FaceSample> samples = datasets.loadOrBuild("crops");
    List<RgbImage> chips = new ArrayList<>();
    List<Landmarks> landmarks = new ArrayList<>();
    for (FaceSample sample : samples) {
      chips.add(sample.chip());
      landmarks.add(sample.chipLandmarks());
    }
    GanFaces faces =
        new GanFaces(chips, landmarks, generator.imageSize, HeadPoseEstimator.shipped());
    int[] counts = faces.countsPerDomain();
    StringBuilder perDomain = new StringBuilder();
    for (PoseBucket bucket : PoseBucket.values()) {
      perDomain.append(' ').append(bucket.label()).append('=').append(counts[bucket.ordinal()]);
    }
    System.err.println("pose GAN on " + samples.size() + " faces:" + perDomain);
    JsonObject manifest = generator.manifest(datasets, samples);
    manifest.addProperty("facesPerDomain", perDomain.toString().trim());
    ProgressBar bar = new ProgressBar(System.err, "train-gan", generator.maxSteps);
    PoseGanTrainer.StepReport last;
    try (TrainableNetwork identity = generator.identityNetwork()) {
      last =
          new PoseGanTrainer(config, faces, identity)
              .train(
                  generator.out,
                  manifest,
                  new PoseGanTrainer.Listener() {
                    @Override
                    public void onStep(PoseGanTrainer.StepReport r) {
                      bar.update(
                          r.step(),
                          String.format(
                              Locale.ROOT,
                              " G %.3f D %.3f id %.3f rec %.3f %.1f img/s ETA %d:%02d",
                              r.generatorLoss(),
                              r.discriminatorLoss(),
                              r.identityLoss(),
                              r.reconstructionLoss(),
                              r.imagesPerSecond(),
                              r.etaSeconds() / 60,
                              r.etaSeconds() % 60));
                    }

                    @Override
                    public void onSamples(int step, Path grid) {
                      System.err.printf(Locale.ROOT, "%nstep %d samples %s%n", step, grid);
                    }
                  });
    }
    System.out.printf(
        Locale.ROOT,
        "steps=%d generator-loss=%.4f discriminator-loss=%.4f identity-loss=%.4f"
            + " reconstruction-loss=%.4f images/s=%.1f out=%s%n",
        last.step(),
        last.generatorLoss(),
        last.discriminatorLoss(),
        last.identityLoss(),
        last.reconstructionLoss(),
        last.imagesPerSecond(),
        generator.out);
    return 0;
  }
}
