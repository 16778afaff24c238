package facegate.cli;

import facegate.eval.PairsProtocol;
import facegate.train.CfpExperiment;
import facegate.train.CfpInputs;
import facegate.train.FaceDatasets;
import facegate.train.FaceSample;
import facegate.train.FinetuneTable;
import facegate.train.LabelledImage;
import facegate.train.TailTrainingConfig;
import facegate.train.TripletMiner;
import facegate.train.ViewSynthesizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the profile fine-tuning recipe and its experiment plan, shared by {@code
 * finetune-cfp} and {@code experiment pose-augmentation}: data, recipe, policies, people, seeds,
 * folds; and running the plan into a results file (resuming what it already holds).
 */
final class FinetuneOptions {
  @Option(names = "--cfp", description = "CFP folder (images/, poses.tsv, ...).")
  Path cfp;

  @Option(names = "--lfw-images", description = "LFW images folder.")
  Path lfwImages;

  @Option(names = "--lfw-pairs", description = "LFW pairs file (folds 1-5).")
  Path lfwPairs;

  @Option(
      names = "--celeba",
      description = "CelebA identities.txt: its people join the extra training people.")
  Path celeba;

  @Option(
      names = "--extra-per-person",
      defaultValue = "8",
      description = "At most this many images per extra person (default: ${DEFAULT-VALUE}).")
  int extraPerPerson;

  @Option(names = "--model", defaultValue = "models/dlib-resnet-faceapi")
  Path model;

  @Option(
      names = "--variant",
      split = ",",
      defaultValue = "semi-hard>batch-hard",
      description =
          "Miners: batch-all, semi-hard, batch-hard or WARMUP>MAIN (default: ${DEFAULT-VALUE}).")
  List<String> variants;

  @Option(
      names = "--policies",
      split = ",",
      description =
          "Augmentation: none, classic, 3d, rr, gan or a + of them (finetune-cfp: none;"
              + " experiment pose-augmentation: none,classic,3d,rr,3d+rr).")
  List<String> policies;

  @Option(
      names = "--people",
      split = ",",
      defaultValue = "cfp",
      description =
          "Training people: cfp, cfp+extra (LFW people in no pair, --celeba) (default: ${DEFAULT-VALUE}).")
  List<String> people;

  @Option(
      names = "--seeds",
      split = ",",
      description = "Seeds (finetune-cfp: 1; experiment pose-augmentation: 1,2,3).")
  List<Long> seeds;

  @Option(names = "--warmup-steps", defaultValue = "100")
  int warmupSteps;

  @Option(names = "--steps", defaultValue = "300")
  int steps;

  @Option(names = "--p", defaultValue = "16")
  int identitiesPerBatch;

  @Option(names = "--k", defaultValue = "4")
  int imagesPerIdentity;

  @Option(names = "--margin", defaultValue = "0.2")
  float margin;

  @Option(names = "--lr", defaultValue = "1e-5")
  float learningRate;

  @Option(names = "--distillation", defaultValue = "1")
  float distillationWeight;

  @Option(names = "--folds", split = ",", defaultValue = "1,2,3,4,5")
  List<Integer> folds;

  @Option(
      names = "--feature-cache",
      defaultValue = "target/trunk-features",
      description = "Cached trunk features and views (default: ${DEFAULT-VALUE}).")
  Path featureCache;

  @Mixin DatasetOptions crops;

  /**
   * Runs the plan, appending each finished line to {@code results}; returns all its lines.
   *
   * @param defaultPolicies the policies when {@code --policies} is not given
   * @param defaultSeeds the seeds when {@code --seeds} is not given
   */
  List<String> run(Path results, List<String> defaultPolicies, List<Long> defaultSeeds) {
    if (policies == null) {
      policies = defaultPolicies;
    }
    if (seeds == null) {
      seeds = defaultSeeds;
    }
    if (cfp == null || lfwImages == null || lfwPairs == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "give --cfp, --lfw-images and --lfw-pairs");
    }
    List<String> earlier = Files.isRegularFile(results) ? read(results) : List.of();
    Set<String> done = new HashSet<>();
    for (String line : earlier) {
      String[] f = line.split("\t");
      if (f.length >= 14 && f[3].matches("\\d+")) {
        done.add(
            String.join(
                "\t", f[0], f[1], f[2], f[3], Integer.toString(Integer.parseInt(f[4]) - 1)));
      }
    }
    CfpInputs inputs =
        CfpInputs.prepare(sources(), model, featureCache, crops.fingerprint(), System.err);
    new CfpExperiment(
            model, inputs, featureCache.resolve("views"), ViewSynthesizers.defaults(), System.err)
        .run(plan(), done, row -> append(results, row.line()));
    return read(results);
  }

  private CfpInputs.Sources sources() {
    Path cfpImages = cfp.resolve("images");
    PairsProtocol lfw = PairsProtocol.read(lfwPairs);
    List<FaceSample> cfpFaces =
        crops.loadOrBuild(
            DatasetOptions.source(cfpImages, FaceDatasets.folderPerIdentity(cfpImages)), "crops");
    List<FaceSample> lfwFaces =
        crops.loadOrBuild(
            DatasetOptions.source(lfwImages, CfpInputs.lfwPairImages(lfwImages, lfw)), "crops");
    List<FaceSample> extra = new ArrayList<>();
    if (people.contains(CfpExperiment.WITH_EXTRA)) {
      extra.addAll(
          crops.loadOrBuild(
              DatasetOptions.source(
                  lfwImages, CfpInputs.lfwExtraImages(lfwImages, lfw, extraPerPerson)),
              "crops"));
      if (celeba != null) {
        extra.addAll(crops.loadOrBuild(celebaSource(), "crops"));
      }
    }
    return new CfpInputs.Sources(cfp, cfpFaces, lfwImages, lfw, lfwFaces, extra);
  }

  /** CelebA's list, at most {@link #extraPerPerson} images per identity (first listed). */
  private DatasetOptions.Source celebaSource() {
    Path folder = celeba.toAbsolutePath().getParent();
    String name = folder.getFileName().toString();
    Map<String, Integer> counts = new HashMap<>();
    List<LabelledImage> chosen = new ArrayList<>();
    for (LabelledImage image :
        FaceDatasets.identityList(celeba, folder.resolve("images"), name + ":")) {
      if (counts.merge(image.identity(), 1, Integer::sum) <= extraPerPerson) {
        chosen.add(image);
      }
    }
    return new DatasetOptions.Source(name, chosen);
  }

  CfpExperiment.Plan plan() {
    List<TailTrainingConfig> recipes = new ArrayList<>();
    for (String variant : variants) {
      recipes.add(config(variant));
    }
    for (String policy : policies) {
      CfpExperiment.components(policy);
    }
    return new CfpExperiment.Plan(
        recipes, policies, people, seeds, folds.stream().map(f -> f - 1).toList());
  }

  private TailTrainingConfig config(String variant) {
    String[] miners = variant.split(">");
    TripletMiner main = miner(miners[miners.length - 1]);
    TripletMiner warmup = miners.length > 1 ? miner(miners[0]) : main;
    return new TailTrainingConfig(
        identitiesPerBatch,
        imagesPerIdentity,
        margin,
        learningRate,
        warmup,
        miners.length > 1 ? warmupSteps : 0,
        main,
        steps,
        distillationWeight,
        seeds.get(0));
  }

  private static TripletMiner miner(String name) {
    return TripletMiner.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The markdown table of a results file. */
  static String table(Path results) {
    return FinetuneTable.markdown(read(results));
  }

  private static void append(Path file, String line) {
    System.out.println(line);
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
