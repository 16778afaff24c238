package facegate.eval;

import facegate.core.Embedding;
import facegate.core.RgbImage;
import facegate.pose.FaceRenderer3d;
import facegate.pose.FrechetDistance;
import facegate.pose.HeadPoseEstimator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * How well view synthesizers turn faces to given yaws: for each method and target yaw θ, over the
 * same source faces, the pose hit rate (the yaw re-estimated on the view by each given {@link
 * ChipYaw} lies within {@link #HIT_DEGREES} of θ; a view it finds no face on is a miss, counted
 * apart too), the mean re-estimated yaw, identity (mean cosine between the view's and the source's
 * embeddings), verification against the real turned photos (each view scored against every real
 * turned face, the same person's as genuine pairs, others' as impostors: {@link Verification}; the
 * unturned sources are scored the same way, the baseline a turn should beat) and realism (Fréchet
 * distance between the views' embeddings and real turned faces'). The real turned faces are
 * measured too (their re-estimated |yaw| per estimator), so that a yaw estimator that saturates
 * shows apart from a renderer that does.
 */
public final class TurnEvaluation {
  /** A view re-estimated within this many degrees of the target is a hit. */
  public static final double HIT_DEGREES = 15;

  /** The usual targets: ±30, ±60, ±90 degrees. */
  public static final List<Double> YAWS = List.of(-90.0, -60.0, -30.0, 30.0, 60.0, 90.0);

  private TurnEvaluation() {}

  /** Turns a face: the view of {@code face} at {@code yawDegrees}, aligned like its chip. */
  @FunctionalInterface
  public interface Method {
    RgbImage turn(GanViewEvaluation.Face face, double yawDegrees);
  }

  /**
   * One yaw estimator's reading of one (method, yaw) row's views.
   *
   * @param hitRate fraction of the views read within {@link #HIT_DEGREES} of the target; a view the
   *     estimator finds no face on is a miss
   * @param meanReEstimatedYaw mean yaw over the views it read; NaN when it read none
   * @param noFace views it found no face on
   */
  public record PoseHit(double hitRate, double meanReEstimatedYaw, int noFace) {}

  /**
   * Faces (views, or the unturned sources) verified against real turned photos of the same and of
   * other people: every face paired with every real turned face.
   *
   * @param genuinePairs pairs with a real turned photo of the face's own person
   * @param impostorPairs pairs with another person's
   * @param genuineMeanCosine mean cosine of the genuine pairs; NaN without any
   * @param impostorMeanCosine mean cosine of the impostor pairs; NaN without any
   * @param auc area under the ROC of genuine against impostor pairs; NaN without both
   * @param tarAtFar1e2 share of genuine pairs accepted at the lowest threshold that accepts at most
   *     1 % of the impostor pairs; NaN without both
   */
  public record Verification(
      int genuinePairs,
      int impostorPairs,
      double genuineMeanCosine,
      double impostorMeanCosine,
      double auc,
      double tarAtFar1e2) {}

  /**
   * Scores {@code faces} (unit embeddings of {@code people}) against {@code real} (unit embeddings
   * of {@code realPeople}).
   */
  static Verification verify(
      List<Embedding> faces, List<String> people, List<Embedding> real, List<String> realPeople) {
    int pairs = faces.size() * real.size();
    double[] scores = new double[pairs];
    boolean[] same = new boolean[pairs];
    int genuine = 0;
    double genuineSum = 0;
    double impostorSum = 0;
    int k = 0;
    for (int i = 0; i < faces.size(); i++) {
      for (int j = 0; j < real.size(); j++) {
        double score = faces.get(i).cosine(real.get(j));
        scores[k] = score;
        same[k] = people.get(i).equals(realPeople.get(j));
        if (same[k]) {
          genuine++;
          genuineSum += score;
        } else {
          impostorSum += score;
        }
        k++;
      }
    }
    int impostor = pairs - genuine;
    if (genuine == 0 || impostor == 0) {
      return new Verification(
          genuine,
          impostor,
          genuine == 0 ? Double.NaN : genuineSum / genuine,
          impostor == 0 ? Double.NaN : impostorSum / impostor,
          Double.NaN,
          Double.NaN);
    }
    Roc roc = Roc.of(scores, same);
    return new Verification(
        genuine,
        impostor,
        genuineSum / genuine,
        impostorSum / impostor,
        roc.auc(),
        roc.tarAtFar(1e-2));
  }

  /** One (method, yaw) row: per yaw estimator (in the order given to {@link #run}) its reading. */
  public record Row(
      String method,
      double yawDegrees,
      int views,
      Map<String, PoseHit> poses,
      double meanCosine,
      Verification verification,
      double frechetDistance) {
    public Row {
      poses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(poses));
    }
  }

  /**
   * How one yaw estimator reads the real turned faces: what the pose hit rates of views could be at
   * best with it. Fractions are over all real turned faces, one without a face counting as none.
   *
   * @param faces real turned faces
   * @param noFace of them, those it found no face on
   * @param meanAbsoluteYaw mean re-estimated |yaw| over those it read
   * @param atLeast30 fraction re-estimated at |yaw| ≥ 30°
   * @param hitAt60 fraction within {@link #HIT_DEGREES} of ±60°: the ±60° pose hit rate that real
   *     turned photos themselves would score
   * @param hitAt90 the same at ±90°
   */
  public record RealYaws(
      int faces,
      int noFace,
      double meanAbsoluteYaw,
      double atLeast30,
      double hitAt60,
      double hitAt90) {}

  /**
   * What {@link #run} measured.
   *
   * @param rows one per method and yaw, methods in the order given
   * @param sourceDistance Fréchet distance of the source faces themselves to the real turned faces
   * @param sourceVerification the unturned sources verified against the real turned faces
   * @param real per yaw estimator, how it reads the real turned faces
   * @param grid sample rows: each source, then its view per method and yaw
   */
  public record Result(
      List<Row> rows,
      double sourceDistance,
      Verification sourceVerification,
      Map<String, RealYaws> real,
      List<List<RgbImage>> grid) {

    /** Summary lines (one per yaw estimator) and a Markdown table. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      real.forEach(
          (estimator, r) ->
              lines.add(
                  String.format(
                      Locale.ROOT,
                      "real-turned-faces yaw=%s n=%d no-face=%d mean-abs-re-estimated-yaw=%.1f"
                          + " at-least-30=%.4f within-15-of-60=%.4f within-15-of-90=%.4f",
                      estimator,
                      r.faces(),
                      r.noFace(),
                      r.meanAbsoluteYaw(),
                      r.atLeast30(),
                      r.hitAt60(),
                      r.hitAt90())));
      lines.add(String.format(Locale.ROOT, "fd-sources-to-real-turned=%.4f", sourceDistance));
      Verification v = sourceVerification;
      lines.add(
          String.format(
              Locale.ROOT,
              "sources-verified-against-real-turned genuine-pairs=%d impostor-pairs=%d"
                  + " genuine-cosine=%.4f impostor-cosine=%.4f auc=%.4f tar-at-far-1e-2=%.4f",
              v.genuinePairs(),
              v.impostorPairs(),
              v.genuineMeanCosine(),
              v.impostorMeanCosine(),
              v.auc(),
              v.tarAtFar1e2()));
      StringBuilder header = new StringBuilder("| method | target yaw | n |");
      StringBuilder rule = new StringBuilder("|---|---|---|");
      for (String estimator : real.keySet()) {
        header.append(
            String.format(
                " pose hit (±15°, %1$s) | mean yaw (%1$s) | no face (%1$s) |", estimator));
        rule.append("---|---|---|");
      }
      lines.add(
          header
              .append(" identity cosine | genuine cosine to real turned | AUC vs real turned |")
              .append(" TAR at FAR 1e-2 vs real turned | FD to real turned |")
              .toString());
      lines.add(rule.append("---|---|---|---|---|").toString());
      for (Row r : rows) {
        StringBuilder line =
            new StringBuilder(
                String.format(
                    Locale.ROOT, "| %s | %+.0f | %d |", r.method(), r.yawDegrees(), r.views()));
        for (PoseHit hit : r.poses().values()) {
          line.append(
              String.format(
                  Locale.ROOT,
                  " %.2f | %.1f | %d |",
                  hit.hitRate(),
                  hit.meanReEstimatedYaw(),
                  hit.noFace()));
        }
        lines.add(
            line.append(
                    String.format(
                        Locale.ROOT,
                        " %.3f | %.3f | %.4f | %.3f | %.3f |",
                        r.meanCosine(),
                        r.verification().genuineMeanCosine(),
                        r.verification().auc(),
                        r.verification().tarAtFar1e2(),
                        r.frechetDistance()))
                .toString());
      }
      return lines;
    }
  }

  /**
   * Measures every method at every yaw on every source.
   *
   * @param sources the faces turned (e.g. held-out frontals); not empty
   * @param realTurned real turned faces (e.g. CFP profiles); at least two
   * @param methods named methods, in report order
   * @param estimators named yaw estimators re-reading every view and real turned face, in report
   *     order; at least one
   * @param gridRows how many sources the sample grid shows
   * @param progress told the number of sources done after each
   */
  public static Result run(
      List<GanViewEvaluation.Face> sources,
      List<GanViewEvaluation.Face> realTurned,
      Map<String, Method> methods,
      List<Double> yaws,
      Map<String, ChipYaw> estimators,
      GanViewEvaluation.ChipNetworks networks,
      int gridRows,
      IntConsumer progress) {
    if (sources.isEmpty() || realTurned.size() < 2 || estimators.isEmpty()) {
      throw new IllegalArgumentException(
          "need source faces, at least two real turned faces and a yaw estimator");
    }
    List<Embedding> real = new ArrayList<>();
    List<String> realPeople = new ArrayList<>();
    Map<String, YawReadings> realReadings = readings(estimators);
    for (GanViewEvaluation.Face face : realTurned) {
      real.add(networks.embed(face.chip()));
      realPeople.add(face.identity());
      read(estimators, realReadings, face.chip());
    }
    List<String> people = sources.stream().map(GanViewEvaluation.Face::identity).toList();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    List<Embedding> own = new ArrayList<>();
    List<List<RgbImage>> grid = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      GanViewEvaluation.Face face = sources.get(i);
      Embedding source = networks.embed(face.chip());
      own.add(source);
      List<RgbImage> row = new ArrayList<>(List.of(face.chip()));
      for (Map.Entry<String, Method> method : methods.entrySet()) {
        for (double yaw : yaws) {
          RgbImage view = method.getValue().turn(face, yaw);
          Tally t =
              tallies.computeIfAbsent(method.getKey() + " " + yaw, k -> new Tally(estimators));
          Embedding embedding = networks.embed(view);
          read(estimators, t.readings, view);
          t.add(source.cosine(embedding), embedding, face.identity());
          row.add(view);
        }
      }
      if (i < gridRows) {
        grid.add(row);
      }
      progress.accept(i + 1);
    }
    List<Row> rows = new ArrayList<>();
    for (String method : methods.keySet()) {
      for (double yaw : yaws) {
        rows.add(tallies.get(method + " " + yaw).row(method, yaw, real, realPeople));
      }
    }
    Map<String, RealYaws> realYaws = new LinkedHashMap<>();
    realReadings.forEach(
        (name, r) ->
            realYaws.put(
                name,
                new RealYaws(
                    r.chips(),
                    r.noFace(),
                    r.meanAbsoluteYaw(),
                    r.absoluteAtLeast(30),
                    r.absoluteWithin(60, HIT_DEGREES),
                    r.absoluteWithin(90, HIT_DEGREES))));
    return new Result(
        rows,
        FrechetDistance.between(values(own), values(real)),
        verify(own, people, real, realPeople),
        realYaws,
        grid);
  }

  /** The vectors of {@code embeddings}, as {@link FrechetDistance} takes them. */
  private static float[][] values(List<Embedding> embeddings) {
    return embeddings.stream().map(Embedding::values).toArray(float[][]::new);
  }

  private static Map<String, YawReadings> readings(Map<String, ChipYaw> estimators) {
    Map<String, YawReadings> readings = new LinkedHashMap<>();
    estimators.keySet().forEach(name -> readings.put(name, new YawReadings()));
    return readings;
  }

  private static void read(
      Map<String, ChipYaw> estimators, Map<String, YawReadings> readings, RgbImage chip) {
    estimators.forEach((name, estimator) -> readings.get(name).add(estimator.yawDegrees(chip)));
  }

  /**
   * The mean yaw of the 3D renderer's own landmarks (where its geometry puts them, before any
   * landmark network looks at the image) at each target yaw: tells a renderer whose geometry falls
   * short of the target from an image the landmark network cannot read.
   */
  public static Map<Double, Double> renderedGeometryYaws(
      List<GanViewEvaluation.Face> sources,
      FaceRenderer3d renderer,
      HeadPoseEstimator poses,
      List<Double> yaws) {
    Map<Double, Double> means = new LinkedHashMap<>();
    for (double yaw : yaws) {
      double sum = 0;
      for (GanViewEvaluation.Face face : sources) {
        sum +=
            poses
                .estimate(renderer.render(face.chip(), face.landmarks(), yaw).landmarks())
                .yawDegrees();
      }
      means.put(yaw, sum / sources.size());
    }
    return means;
  }

  private static final class Tally {
    final Map<String, YawReadings> readings;
    int views;
    double cosine;
    final List<Embedding> embeddings = new ArrayList<>();
    final List<String> people = new ArrayList<>();

    Tally(Map<String, ChipYaw> estimators) {
      readings = readings(estimators);
    }

    void add(double cosineToSource, Embedding embedding, String person) {
      views++;
      cosine += cosineToSource;
      embeddings.add(embedding);
      people.add(person);
    }

    Row row(String method, double target, List<Embedding> real, List<String> realPeople) {
      double distance =
          views >= 2 ? FrechetDistance.between(values(embeddings), values(real)) : Double.NaN;
      Map<String, PoseHit> poses = new LinkedHashMap<>();
      readings.forEach(
          (name, r) ->
              poses.put(name, new PoseHit(r.within(target, HIT_DEGREES), r.meanYaw(), r.noFace())));
      return new Row(
          method,
          target,
          views,
          poses,
          cosine / views,
          verify(embeddings, people, real, realPeople),
          distance);
    }
  }
}
