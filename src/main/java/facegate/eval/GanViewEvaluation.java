package facegate.eval;

import facegate.core.Embedding;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.pose.FaceRenderer3d;
import facegate.pose.FrechetDistance;
import facegate.pose.HeadPoseEstimator;
import facegate.pose.PoseBucket;
import facegate.pose.PoseGan;
import facegate.vision.FaceAligner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The pose GAN's three measures, beside the 3D re-rendering's on the same faces. For each source
 * face and each pose domain: identity preservation (cosine between the embeddings of the source
 * chip and the view), pose accuracy (the view's yaw re-estimated from landmarks found on it, and
 * whether it falls in the asked domain), and realism (Fréchet distance between embeddings of views
 * and of other real faces, against the distance between two sets of real faces).
 */
public final class GanViewEvaluation {
  private GanViewEvaluation() {}

  /** What the measures need of the pipeline, on aligned chips. */
  public interface ChipNetworks {
    /** The identity embedding of an aligned chip. */
    Embedding embed(RgbImage chip);

    /** The 68 landmarks the landmark network finds on an aligned chip. */
    Landmarks landmarks(RgbImage chip);
  }

  /**
   * An aligned face.
   *
   * @param identity whose face it is
   * @param chip the aligned chip
   * @param landmarks its 68 landmarks in chip pixels
   */
  public record Face(String identity, RgbImage chip, Landmarks landmarks) {
    public Face {
      java.util.Objects.requireNonNull(identity, "identity");
      java.util.Objects.requireNonNull(chip, "chip");
      java.util.Objects.requireNonNull(landmarks, "landmarks");
    }
  }

  /** One method's results for one target domain. */
  private static final class Tally {
    int views;
    int inDomain;
    double cosine;
    double yaw;
    final List<float[]> embeddings = new ArrayList<>();
  }

  /** What {@link #run} measured; {@link #lines} formats it. */
  public static final class Result {
    private final int faces;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<float[]> sources = new ArrayList<>();
    private final List<float[]> reference = new ArrayList<>();
    private int realInDomain;

    private Result(int faces) {
      this.faces = faces;
    }

    /**
     * The report: a summary line, a Markdown table with one row per (method, target) and one line
     * per method pooling its turned views ({@code seed + 1} shuffles them).
     */
    public List<String> lines(long seed) {
      List<String> lines = new ArrayList<>();
      float[][] referenceSet = reference.toArray(new float[0][]);
      lines.add(
          String.format(
              Locale.ROOT,
              "faces=%d real-chips-re-estimated-in-own-domain=%.4f fd-real-vs-real=%.4f",
              faces,
              realInDomain / (double) faces,
              FrechetDistance.between(sources.toArray(new float[0][]), referenceSet)));
      lines.add(
          "| views | n | mean cosine to source | re-estimated yaw in asked domain | mean re-estimated"
              + " yaw | Fréchet distance to real faces |");
      lines.add("|---|---|---|---|---|---|");
      Map<String, List<float[]>> pooled = new LinkedHashMap<>();
      for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
        Tally t = entry.getValue();
        String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
        if (!entry.getKey().endsWith("same domain")) {
          pooled.computeIfAbsent(method, k -> new ArrayList<>()).addAll(t.embeddings);
        }
        lines.add(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.4f | %.4f | %.1f | %s |",
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
                    : "-"));
      }
      for (Map.Entry<String, List<float[]>> entry : pooled.entrySet()) {
        List<float[]> views = new ArrayList<>(entry.getValue());
        Collections.shuffle(views, new Random(seed + 1));
        lines.add(
            String.format(
                Locale.ROOT,
                "%s-turned-views fd-to-real=%.4f (%d of them, as many as the real set)",
                entry.getKey(),
                FrechetDistance.between(
                    views.subList(0, Math.min(faces, views.size())).toArray(new float[0][]),
                    referenceSet),
                Math.min(faces, views.size())));
      }
      return lines;
    }
  }

  /**
   * Measures every source face against every domain.
   *
   * @param sources the faces turned; not empty
   * @param reference other real faces, the realism reference; at least two
   * @param progress told the number of source faces done after each
   */
  public static Result run(
      List<Face> sources,
      List<Face> reference,
      PoseGan gan,
      FaceRenderer3d renderer,
      HeadPoseEstimator poses,
      ChipNetworks networks,
      IntConsumer progress) {
    if (sources.isEmpty() || reference.size() < 2) {
      throw new IllegalArgumentException(
          "need source faces and at least two reference faces: "
              + sources.size()
              + ", "
              + reference.size());
    }
    Result result = new Result(sources.size());
    for (Face face : reference) {
      result.reference.add(networks.embed(face.chip()).values());
    }
    for (int i = 0; i < sources.size(); i++) {
      Face face = sources.get(i);
      RgbImage chip = face.chip();
      PoseBucket source = poses.estimate(face.landmarks()).bucket();
      Embedding own = networks.embed(chip);
      result.sources.add(own.values());
      if (PoseBucket.of(reEstimatedYaw(networks, poses, chip)) == source) {
        result.realInDomain++;
      }
      for (PoseBucket target : PoseBucket.values()) {
        RgbImage ganView = FaceAligner.resampled(gan.generate(chip, target), chip.width());
        String suffix = target == source ? "same domain" : "to " + target.label();
        record(result, "gan " + suffix, networks, poses, own, ganView, target);
        if (target != source) {
          RgbImage view =
              renderer.render(chip, face.landmarks(), target.typicalYawDegrees()).alignedChip();
          record(result, "3d " + suffix, networks, poses, own, view, target);
        }
      }
      progress.accept(i + 1);
    }
    return result;
  }

  private static void record(
      Result result,
      String key,
      ChipNetworks networks,
      HeadPoseEstimator poses,
      Embedding own,
      RgbImage view,
      PoseBucket target) {
    Tally tally = result.tallies.computeIfAbsent(key, k -> new Tally());
    Embedding embedding = networks.embed(view);
    double yaw = reEstimatedYaw(networks, poses, view);
    tally.views++;
    tally.cosine += own.cosine(embedding);
    tally.yaw += yaw;
    tally.inDomain += PoseBucket.of(yaw) == target ? 1 : 0;
    tally.embeddings.add(embedding.values());
  }

  private static double reEstimatedYaw(
      ChipNetworks networks, HeadPoseEstimator poses, RgbImage chip) {
    return poses.estimate(networks.landmarks(chip)).yawDegrees();
  }
}
