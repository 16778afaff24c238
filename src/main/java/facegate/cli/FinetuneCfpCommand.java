package facegate.cli;

import facegate.embed.DlibTail;
import facegate.embed.TrainableNetwork;
import facegate.eval.PairsProtocol;
import facegate.eval.PoseGroupAccuracy;
import facegate.train.CfpCrossValidation;
import facegate.train.FaceDatasets;
import facegate.train.FaceSample;
import facegate.train.LabelledImage;
import facegate.train.TailTrainingConfig;
import facegate.train.TripletMiner;
import facegate.train.TrunkFeatureCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code finetune-cfp}: 5-fold cross-validation of the tail fine-tuning (stage 4 and head of the
 * dlib ResNet on cached trunk features) over CFP's folds, against the imported network; appends one
 * line per variant and fold to {@code --results}. {@code --summarise FILE} prints the table.
 */
@Command(
    name = "finetune-cfp",
    mixinStandardHelpOptions = true,
    description = "Cross-validated tail fine-tuning on CFP's profiles, against the import.")
final class FinetuneCfpCommand implements Callable<Integer> {
  @Option(
      names = "--cfp",
      description = "The CFP folder (images/, poses.tsv, names.tsv, protocol/).")
  Path cfp;

  @Option(names = "--lfw-images", description = "LFW images folder.")
  Path lfwImages;

  @Option(names = "--lfw-pairs", description = "LFW pairs file (folds 1-5).")
  Path lfwPairs;

  @Option(
      names = "--model",
      defaultValue = "models/dlib-resnet-faceapi",
      description = "The imported network to fine-tune (default: ${DEFAULT-VALUE}).")
  Path model;

  @Option(
      names = "--variant",
      split = ",",
      defaultValue = "semi-hard>batch-hard",
      description =
          "Miners: batch-all, semi-hard, batch-hard, or WARMUP>MAIN (warm-up for --warmup-steps);"
              + " comma-separated (default: ${DEFAULT-VALUE}).")
  List<String> variants;

  @Option(names = "--warmup-steps", defaultValue = "100", description = "Warm-up steps.")
  int warmupSteps;

  @Option(names = "--steps", defaultValue = "400", description = "Steps per fold.")
  int steps;

  @Option(names = "--p", defaultValue = "16", description = "Identities per batch.")
  int identitiesPerBatch;

  @Option(names = "--k", defaultValue = "4", description = "Images per identity (half profiles).")
  int imagesPerIdentity;

  @Option(names = "--margin", defaultValue = "0.2", description = "Triplet margin.")
  float margin;

  @Option(names = "--lr", defaultValue = "1e-5", description = "Adam learning rate.")
  float learningRate;

  @Option(names = "--distillation", defaultValue = "1", description = "Distillation weight.")
  float distillationWeight;

  @Option(names = "--seed", defaultValue = "1", description = "The one seed.")
  long seed;

  @Option(names = "--folds", split = ",", defaultValue = "1,2,3,4,5", description = "Test folds.")
  List<Integer> folds;

  @Option(
      names = "--feature-cache",
      defaultValue = "target/trunk-features",
      description = "Folder of the cached trunk features (default: ${DEFAULT-VALUE}).")
  Path featureCache;

  @Option(names = "--results", description = "TSV file the fold results are appended to.")
  Path results;

  @Option(names = "--summarise", description = "Print the summary of a --results file and stop.")
  Path summarise;

  @Mixin DatasetOptions crops;

  @Override
  public Integer call() {
    if (summarise != null) {
      FinetuneSummary.print(readLines(summarise), System.out);
      return 0;
    }
    if (cfp == null || lfwImages == null || lfwPairs == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "give --cfp, --lfw-images and --lfw-pairs");
    }
    CfpCrossValidation validation = new CfpCrossValidation(model, inputs(), System.err);
    for (int fold : folds) {
      emit("imported", validation.imported(fold - 1));
    }
    for (String variant : variants) {
      TailTrainingConfig config = config(variant);
      for (int fold : folds) {
        emit(config.name(), validation.tuned(fold - 1, config));
      }
    }
    return 0;
  }

  private CfpCrossValidation.Inputs inputs() {
    Path cfpImages = cfp.resolve("images");
    PairsProtocol fp = PairsProtocol.read(cfp.resolve("protocol/pairs-FP-folds1-5.txt"));
    PairsProtocol ff = PairsProtocol.read(cfp.resolve("protocol/pairs-FF-folds1-5.txt"));
    PairsProtocol lfw = PairsProtocol.read(lfwPairs);
    List<FaceSample> cfpFaces =
        crops.loadOrBuild(
            DatasetOptions.source(cfpImages, FaceDatasets.folderPerIdentity(cfpImages)), "crops");
    List<LabelledImage> lfwList = new ArrayList<>();
    for (Path image : lfw.images(lfwImages)) {
      lfwList.add(new LabelledImage(image.getParent().getFileName().toString(), image));
    }
    List<FaceSample> lfwFaces =
        crops.loadOrBuild(DatasetOptions.source(lfwImages, lfwList), "crops");
    Map<String, String> poses = PoseGroupAccuracy.readLabels(cfp.resolve("poses.tsv"));
    boolean[] profile = new boolean[cfpFaces.size()];
    for (int i = 0; i < profile.length; i++) {
      Path source = Path.of(cfpFaces.get(i).source());
      int n = source.getNameCount();
      profile[i] = "profile".equals(poses.get(source.subpath(n - 2, n).toString()));
    }
    float[][][] features = features(cfpFaces, lfwFaces);
    return new CfpCrossValidation.Inputs(
        cfpFaces,
        profile,
        features[0],
        pairs(fp, cfpImages),
        pairs(ff, cfpImages),
        lfwFaces,
        features[1],
        pairs(lfw, lfwImages),
        alsoInLfw(lfw));
  }

  /** Trunk features of both face lists, from the feature cache. */
  private float[][][] features(List<FaceSample> cfpFaces, List<FaceSample> lfwFaces) {
    String trunk =
        ModelOptions.fingerprint(
            List.of("dlib-trunk-stages1-3", crops.fingerprint()), List.of(model));
    try (TrainableNetwork network = TrainableNetwork.load(model, ai.djl.Device.cpu());
        DlibTail tail = DlibTail.of(network)) {
      float[][][] out = new float[2][][];
      List<List<FaceSample>> lists = List.of(cfpFaces, lfwFaces);
      String[] names = {"cfp", "lfw"};
      for (int i = 0; i < 2; i++) {
        List<FaceSample> faces = lists.get(i);
        String key = trunk + "-" + faces.stream().map(FaceSample::source).toList().hashCode();
        ProgressBar bar = new ProgressBar(System.err, "trunk " + names[i], faces.size());
        out[i] =
            TrunkFeatureCache.loadOrCompute(
                featureCache.resolve(names[i] + ".bin"), key, faces, tail, bar::update);
      }
      return out;
    }
  }

  private static CfpCrossValidation.Pairs pairs(PairsProtocol protocol, Path images) {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    boolean[] same = new boolean[protocol.pairs().size()];
    int[] folds = new int[same.length];
    for (int i = 0; i < same.length; i++) {
      PairsProtocol.Pair pair = protocol.pairs().get(i);
      left.add(pair.left(images).toString());
      right.add(pair.right(images).toString());
      same[i] = pair.same();
      folds[i] = pair.fold();
    }
    return new CfpCrossValidation.Pairs(left, right, same, folds);
  }

  /** CFP ids (names.tsv) of people who also appear in the LFW pairs: never trained on. */
  private Set<String> alsoInLfw(PairsProtocol lfw) {
    Set<String> lfwNames = new HashSet<>();
    lfw.pairs()
        .forEach(
            p -> {
              lfwNames.add(p.leftName());
              lfwNames.add(p.rightName());
            });
    Set<String> excluded = new HashSet<>();
    for (String line : readLines(cfp.resolve("names.tsv"))) {
      String[] fields = line.split("\t");
      if (fields.length == 2 && lfwNames.contains(fields[1].strip().replace(' ', '_'))) {
        excluded.add(fields[0]);
      }
    }
    System.err.printf("%d CFP people are also in the LFW pairs: not trained on%n", excluded.size());
    return excluded;
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
        seed);
  }

  private static TripletMiner miner(String name) {
    return TripletMiner.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private void emit(String variant, CfpCrossValidation.FoldResult r) {
    String line =
        String.format(
            Locale.ROOT,
            "%s\t%d\t%.4f\t%.4f\t%.4f\t%d\t%d\t%.1f\t%.3f\t%.4f\t%s",
            variant,
            r.fold() + 1,
            r.frontalProfile(),
            r.frontalFrontal(),
            r.lfw(),
            r.people(),
            r.training() == null ? 0 : r.training().steps(),
            r.training() == null ? Double.NaN : r.training().imagesPerSecond(),
            r.training() == null ? Double.NaN : r.training().activeFraction(),
            r.training() == null ? Double.NaN : r.training().spread(),
            r.collapse() == null ? "-" : r.collapse().replace('\t', ' '));
    System.out.println(line);
    if (results != null) {
      try {
        Files.writeString(
            results,
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to " + results, e);
      }
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
