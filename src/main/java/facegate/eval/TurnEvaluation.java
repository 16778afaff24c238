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
 * same source faces, the pose hit rate (the yaw re-estimated from landmarks found on the view lies
 * within {@link #HIT_DEGREES} of θ), the mean re-estimated yaw, identity (mean cosine between the
 * view's and the source's embeddings) and realism (Fréchet distance between the views' embeddings
 * and real turned faces'). The real turned faces are measured too (their re-estimated |yaw|), so
 * that a yaw estimator that saturates shows apart from a renderer that does.
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

  /** One (method, yaw) row. */
  public record Row(
      String method,
      double yawDegrees,
      int views,
      double hitRate,
      double meanReEstimatedYaw,
      double meanCosine,
      double frechetDistance) {}

  /**
   * What {@link #run} measured.
   *
   * @param rows one per method and yaw, methods in the order given
   * @param sourceDistance Fréchet distance of the source faces themselves to the real turned faces
   * @param realMeanAbsoluteYaw mean re-estimated |yaw| of the real turned faces
   * @param realAtLeast30 fraction of real turned faces re-estimated at |yaw| ≥ 30°
   * @param realHitAt60 fraction of real turned faces re-estimated within {@link #HIT_DEGREES} of
   *     ±60°: the pose hit rate at ±60° that real turned photos themselves would score
   * @param grid sample rows: each source, then its view per method and yaw
   */
  public record Result(
      List<Row> rows,
      double sourceDistance,
      double realMeanAbsoluteYaw,
      double realAtLeast30,
      double realHitAt60,
      List<List<RgbImage>> grid) {

    /** A Markdown table and a summary line. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(
          String.format(
              Locale.ROOT,
              "real-turned-faces mean-abs-re-estimated-yaw=%.1f at-least-30=%.4f"
                  + " within-15-of-60=%.4f fd-sources-to-real-turned=%.4f",
              realMeanAbsoluteYaw,
              realAtLeast30,
              realHitAt60,
              sourceDistance));
      lines.add(
          "| method | target yaw | n | pose hit (±15°) | mean re-estimated yaw | identity cosine |"
              + " FD to real turned |");
      lines.add("|---|---|---|---|---|---|---|");
      for (Row r : rows) {
        lines.add(
            String.format(
                Locale.ROOT,
                "| %s | %+.0f | %d | %.2f | %.1f | %.3f | %.3f |",
                r.method(),
                r.yawDegrees(),
                r.views(),
                r.hitRate(),
                r.meanReEstimatedYaw(),
                r.meanCosine(),
                r.frechetDistance()));
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
   * @param gridRows how many sources the sample grid shows
   * @param progress told the number of sources done after each
   */
  public static Result run(
      List<GanViewEvaluation.Face> sources,
      List<GanViewEvaluation.Face> realTurned,
      Map<String, Method> methods,
      List<Double> yaws,
      HeadPoseEstimator poses,
      GanViewEvaluation.ChipNetworks networks,
      int gridRows,
      IntConsumer progress) {
    if (sources.isEmpty() || realTurned.size() < 2) {
      throw new IllegalArgumentException("need source faces and at least two real turned faces");
    }
    float[][] real = new float[realTurned.size()][];
    double absoluteYaw = 0;
    int atLeast30 = 0;
    int near60 = 0;
    for (int i = 0; i < realTurned.size(); i++) {
      RgbImage chip = realTurned.get(i).chip();
      real[i] = networks.embed(chip).values();
      double yaw = Math.abs(poses.estimate(networks.landmarks(chip)).yawDegrees());
      absoluteYaw += yaw;
      atLeast30 += yaw >= 30 ? 1 : 0;
      near60 += Math.abs(yaw - 60) <= HIT_DEGREES ? 1 : 0;
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    float[][] own = new float[sources.size()][];
    List<List<RgbImage>> grid = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      GanViewEvaluation.Face face = sources.get(i);
      Embedding source = networks.embed(face.chip());
      own[i] = source.values();
      List<RgbImage> row = new ArrayList<>(List.of(face.chip()));
      for (Map.Entry<String, Method> method : methods.entrySet()) {
        for (double yaw : yaws) {
          RgbImage view = method.getValue().turn(face, yaw);
          Tally t = tallies.computeIfAbsent(method.getKey() + " " + yaw, k -> new Tally());
          Embedding embedding = networks.embed(view);
          double estimated = poses.estimate(networks.landmarks(view)).yawDegrees();
          t.add(estimated, Math.abs(estimated - yaw) <= HIT_DEGREES, source.cosine(embedding));
          t.embeddings.add(embedding.values());
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
        rows.add(tallies.get(method + " " + yaw).row(method, yaw, real));
      }
    }
    return new Result(
        rows,
        FrechetDistance.between(own, real),
        absoluteYaw / realTurned.size(),
        atLeast30 / (double) realTurned.size(),
        near60 / (double) realTurned.size(),
        grid);
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
    int views;
    int hits;
    double yaw;
    double cosine;
    final List<float[]> embeddings = new ArrayList<>();

    void add(double estimatedYaw, boolean hit, double cosineToSource) {
      views++;
      hits += hit ? 1 : 0;
      yaw += estimatedYaw;
      cosine += cosineToSource;
    }

    Row row(String method, double target, float[][] real) {
      double distance =
          views >= 2
              ? FrechetDistance.between(embeddings.toArray(new float[0][]), real)
              : Double.NaN;
      return new Row(
          method, target, views, hits / (double) views, yaw / views, cosine / views, distance);
    }
  }
}
