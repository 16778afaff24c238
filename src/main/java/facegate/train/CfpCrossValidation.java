package facegate.train;

import ai.djl.Device;
import facegate.embed.DlibTail;
import facegate.embed.TrainableNetwork;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Person-disjoint cross-validation of the tail fine-tuning over CFP's folds: for test fold f the
 * tail is trained on the people of the other folds (minus {@code excluded}, e.g. people also in the
 * LFW pairs), then CFP-FP and CFP-FF are scored on fold f's pairs and LFW on its own folds, each at
 * the accuracy-optimal threshold of the pairs outside the scored fold. The imported network is
 * scored the same way. Embeddings are the pipeline's: the normalised sum of chip and mirror.
 */
public final class CfpCrossValidation {
  private final Path baseModel;
  private final CfpInputs inputs;
  private final PrintStream log;
  private float[][] originalCfp;
  private float[][] originalLfw;
  private float[][] originalExtra;
  private final Map<TrainingViews, float[][]> viewOriginals = new java.util.IdentityHashMap<>();

  /**
   * Pairs of a protocol as the crop cache names their images.
   *
   * @param folds fold of each pair, from 0
   */
  public record Pairs(List<String> left, List<String> right, boolean[] same, int[] folds) {
    public Pairs {
      left = List.copyOf(left);
      right = List.copyOf(right);
      if (right.size() != left.size()
          || same.length != left.size()
          || folds.length != same.length) {
        throw new IllegalArgumentException("left, right, same and folds differ in length");
      }
    }

    /** Number of folds (largest fold + 1). */
    public int foldCount() {
      return java.util.Arrays.stream(folds).max().orElse(-1) + 1;
    }
  }

  /**
   * One fold's accuracies (NaN where training collapsed).
   *
   * @param fold the CFP test fold, from 0
   * @param people identities trained on (0 for the import)
   * @param training the run, null for the import or a collapse
   * @param collapse the collapse message, null when training ran through
   */
  public record FoldResult(
      int fold,
      double frontalProfile,
      double frontalFrontal,
      double lfw,
      int people,
      TailTrainer.Result training,
      String collapse) {}

  public CfpCrossValidation(Path baseModel, CfpInputs inputs, PrintStream log) {
    this.baseModel = baseModel;
    this.inputs = inputs;
    this.log = log;
  }

  /** The imported network on fold {@code fold}. */
  public FoldResult imported(int fold) {
    originals();
    return score(fold, originalCfp, originalLfw, 0, null, null);
  }

  /**
   * Tail fine-tuning with {@code config} on the other folds' people (and the extra people when
   * {@code extraPeople}), with {@code views} (over {@link CfpInputs#pool()}, empty for none),
   * scored on {@code fold}.
   */
  public FoldResult tuned(
      int fold, TailTrainingConfig config, List<TrainingViews> views, boolean extraPeople) {
    originals();
    List<Integer> training = trainingImages(fold, extraPeople);
    TailTrainingData data = data(training, views);
    int people = new HashSet<>(data.identities()).size();
    log.printf("fold %d: training on %d images of %d people%n", fold + 1, training.size(), people);
    try (TrainableNetwork network = TrainableNetwork.load(baseModel, Device.cpu());
        DlibTail tail = DlibTail.of(network)) {
      TailTrainer.Result result;
      try {
        result = new TailTrainer(config, log).train(tail, data);
      } catch (IllegalStateException collapse) {
        log.println("fold " + (fold + 1) + ": " + collapse.getMessage());
        return new FoldResult(
            fold, Double.NaN, Double.NaN, Double.NaN, people, null, collapse.getMessage());
      }
      return score(
          fold,
          tail.embed(inputs.cfpFeatures()),
          tail.embed(inputs.lfwFeatures()),
          people,
          result,
          null);
    }
  }

  /**
   * Indices into {@link CfpInputs#pool()} of the faces trained on for test fold {@code fold}: CFP
   * faces whose person is in no pair of the fold and not excluded, then (with {@code extraPeople})
   * every extra face.
   */
  List<Integer> trainingImages(int fold, boolean extraPeople) {
    Set<String> test = new HashSet<>(inputs.excluded());
    for (Pairs pairs : List.of(inputs.frontalProfile(), inputs.frontalFrontal())) {
      for (int i = 0; i < pairs.same().length; i++) {
        if (pairs.folds()[i] == fold) {
          test.add(identityOf(pairs.left().get(i)));
          test.add(identityOf(pairs.right().get(i)));
        }
      }
    }
    List<Integer> chosen = new java.util.ArrayList<>();
    for (int i = 0; i < inputs.cfp().size(); i++) {
      if (!test.contains(inputs.cfp().get(i).identity())) {
        chosen.add(i);
      }
    }
    for (int i = 0; extraPeople && i < inputs.extra().size(); i++) {
      chosen.add(inputs.cfp().size() + i);
    }
    return chosen;
  }

  private static String identityOf(String imagePath) {
    return Path.of(imagePath).getParent().getFileName().toString();
  }

  private TailTrainingData data(List<Integer> images, List<TrainingViews> views) {
    List<FaceSample> pool = inputs.pool();
    float[][] poolFeatures = inputs.poolFeatures();
    float[][] poolOriginals = originalPool();
    boolean[] poolProfile = inputs.poolProfile();
    float[][] features = new float[2 * images.size()][];
    float[][] originals = new float[2 * images.size()][];
    boolean[] profile = new boolean[images.size()];
    List<String> identities = new java.util.ArrayList<>();
    for (int j = 0; j < images.size(); j++) {
      int i = images.get(j);
      for (int v = 0; v < 2; v++) {
        features[2 * j + v] = poolFeatures[2 * i + v];
        originals[2 * j + v] = poolOriginals[2 * i + v];
      }
      profile[j] = poolProfile[i];
      identities.add(pool.get(i).identity());
    }
    List<TailTrainingData.Views> chosenViews = new java.util.ArrayList<>();
    for (TrainingViews view : views) {
      chosenViews.add(view.select(images, viewOriginals(view)));
    }
    return new TailTrainingData(features, originals, identities, profile, chosenViews);
  }

  private float[][] originalPool() {
    float[][] rows = new float[originalCfp.length + originalExtra.length][];
    System.arraycopy(originalCfp, 0, rows, 0, originalCfp.length);
    System.arraycopy(originalExtra, 0, rows, originalCfp.length, originalExtra.length);
    return rows;
  }

  /** The imported network's raw embeddings of {@code views}' rows, computed once per views. */
  private float[][] viewOriginals(TrainingViews views) {
    return viewOriginals.computeIfAbsent(
        views,
        v -> {
          try (TrainableNetwork network = TrainableNetwork.load(baseModel, Device.cpu());
              DlibTail tail = DlibTail.of(network)) {
            return tail.embed(v.features());
          }
        });
  }

  private void originals() {
    if (originalCfp != null) {
      return;
    }
    try (TrainableNetwork network = TrainableNetwork.load(baseModel, Device.cpu());
        DlibTail tail = DlibTail.of(network)) {
      originalCfp = tail.embed(inputs.cfpFeatures());
      originalLfw = tail.embed(inputs.lfwFeatures());
      originalExtra = tail.embed(inputs.extraFeatures());
    }
  }

  private FoldResult score(
      int fold,
      float[][] cfpRows,
      float[][] lfwRows,
      int people,
      TailTrainer.Result training,
      String collapse) {
    Map<String, float[]> cfp = pipelineEmbeddings(inputs.cfp(), cfpRows);
    Map<String, float[]> lfw = pipelineEmbeddings(inputs.lfw(), lfwRows);
    Pairs lfwPairs = inputs.lfwPairs();
    double[] lfwScores = scores(lfw, lfwPairs);
    double lfwAccuracy = 0;
    for (int f = 0; f < lfwPairs.foldCount(); f++) {
      lfwAccuracy += foldAccuracy(lfwScores, lfwPairs, f) / lfwPairs.foldCount();
    }
    return new FoldResult(
        fold,
        foldAccuracy(scores(cfp, inputs.frontalProfile()), inputs.frontalProfile(), fold),
        foldAccuracy(scores(cfp, inputs.frontalFrontal()), inputs.frontalFrontal(), fold),
        lfwAccuracy,
        people,
        training,
        collapse);
  }

  /** Accuracy on fold {@code test} at the best threshold of the other folds' pairs. */
  static double foldAccuracy(double[] scores, Pairs pairs, int test) {
    int inTest = 0;
    for (int fold : pairs.folds()) {
      inTest += fold == test ? 1 : 0;
    }
    double[] trainScores = new double[scores.length - inTest];
    boolean[] trainSame = new boolean[scores.length - inTest];
    double[] testScores = new double[inTest];
    boolean[] testSame = new boolean[inTest];
    int a = 0;
    int b = 0;
    for (int i = 0; i < scores.length; i++) {
      if (pairs.folds()[i] == test) {
        testScores[b] = scores[i];
        testSame[b++] = pairs.same()[i];
      } else {
        trainScores[a] = scores[i];
        trainSame[a++] = pairs.same()[i];
      }
    }
    double threshold = ThresholdAccuracy.bestThreshold(trainScores, trainSame);
    return ThresholdAccuracy.accuracy(testScores, testSame, threshold);
  }

  /** Source path to the unit-length sum of the chip's and the mirror's raw embeddings. */
  private static Map<String, float[]> pipelineEmbeddings(List<FaceSample> faces, float[][] rows) {
    float[][] pipeline = pipelineRows(rows);
    Map<String, float[]> out = new HashMap<>();
    for (int i = 0; i < faces.size(); i++) {
      out.put(faces.get(i).source(), pipeline[i]);
    }
    return out;
  }

  /** Per face, the unit-length sum of rows {@code 2i} (chip) and {@code 2i + 1} (mirror). */
  static float[][] pipelineRows(float[][] rows) {
    float[][] out = new float[rows.length / 2][];
    for (int i = 0; i < out.length; i++) {
      float[] sum = new float[rows[2 * i].length];
      for (int d = 0; d < sum.length; d++) {
        sum[d] = rows[2 * i][d] + rows[2 * i + 1][d];
      }
      out[i] = normalise(sum);
    }
    return out;
  }

  /** Scales {@code vector} to unit length in place (a zero vector stays zero); returns it. */
  static float[] normalise(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float inverse = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
    for (int d = 0; d < vector.length; d++) {
      vector[d] *= inverse;
    }
    return vector;
  }

  /** Cosine of each pair's two embeddings (NaN when one has no face). */
  static double[] scores(Map<String, float[]> embeddings, Pairs pairs) {
    double[] scores = new double[pairs.same().length];
    for (int i = 0; i < scores.length; i++) {
      float[] a = embeddings.get(pairs.left().get(i));
      float[] b = embeddings.get(pairs.right().get(i));
      double dot = Double.NaN;
      if (a != null && b != null) {
        dot = 0;
        for (int d = 0; d < a.length; d++) {
          dot += a[d] * b[d];
        }
      }
      scores[i] = dot;
    }
    return scores;
  }
}
