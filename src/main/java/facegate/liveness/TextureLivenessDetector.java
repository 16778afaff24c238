package facegate.liveness;

import facegate.core.FaceBox;
import facegate.core.Liveness;
import facegate.core.LivenessDetector;
import facegate.core.RgbImage;
import facegate.vision.FaceAligner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Liveness from texture: square crops around the face box (the model's scales, e.g. the face alone
 * and the face with its surroundings, where a print's edge and paper show), resampled, described by
 * {@link TextureFeatures} and scored by the model's logistic regression. Thread-safe (no state
 * besides the immutable model). Crops reaching past the image's edge are filled with black.
 */
public final class TextureLivenessDetector implements LivenessDetector {
  private final TextureLivenessModel model;

  public TextureLivenessDetector(TextureLivenessModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  /** The detector of the model in {@code folder} (see {@link TextureLivenessModel#read}). */
  public static TextureLivenessDetector load(Path folder) {
    return new TextureLivenessDetector(TextureLivenessModel.read(folder));
  }

  public TextureLivenessModel model() {
    return model;
  }

  @Override
  public Liveness assess(RgbImage image, FaceBox face) {
    double[] scales = model.cropScales();
    double score = model.score(features(image, face, scales, model.cropSize()));
    return new Liveness(score, region(face, Arrays.stream(scales).max().orElseThrow()));
  }

  /**
   * The features a model with these crops scores: one block of {@link TextureFeatures} per scale,
   * in order (what training computes for each labelled frame).
   */
  public static double[] features(RgbImage image, FaceBox face, double[] cropScales, int size) {
    double[] features = new double[TextureLivenessModel.featureCount(cropScales.length)];
    for (int c = 0; c < cropScales.length; c++) {
      FaceBox region = region(face, cropScales[c]);
      RgbImage crop =
          FaceAligner.cropSquare(image, region.centerX(), region.centerY(), region.width(), size);
      System.arraycopy(
          TextureFeatures.of(crop), 0, features, c * TextureFeatures.COUNT, TextureFeatures.COUNT);
    }
    return features;
  }

  /**
   * {@code region} resampled to {@code size} x {@code size}, black outside the image. Only the
   * pixels around the region are resampled (a copy of them, with a margin for the resampler's
   * filter), not the whole photo: measured, that was most of the time.
   */
  static RgbImage crop(RgbImage image, FaceBox region, int size) {
    int margin = (int) Math.ceil(region.width() / 16) + 4;
    int left = Math.max(0, (int) Math.floor(region.x()) - margin);
    int top = Math.max(0, (int) Math.floor(region.y()) - margin);
    int right = Math.min(image.width(), (int) Math.ceil(region.x() + region.width()) + margin);
    int bottom = Math.min(image.height(), (int) Math.ceil(region.y() + region.height()) + margin);
    if (right - left < 1 || bottom - top < 1) {
      return new RgbImage(size, size, new byte[size * size * 3]);
    }
    byte[] rgb = new byte[(right - left) * (bottom - top) * 3];
    for (int y = top; y < bottom; y++) {
      System.arraycopy(
          image.rgb(),
          (y * image.width() + left) * 3,
          rgb,
          (y - top) * (right - left) * 3,
          (right - left) * 3);
    }
    RgbImage part = new RgbImage(right - left, bottom - top, rgb);
    return FaceAligner.cropSquare(
        part, region.centerX() - left, region.centerY() - top, region.width(), size);
  }

  /** The square of side {@code scale} times the box's larger side, on the box's centre. */
  static FaceBox region(FaceBox face, double scale) {
    double side = scale * Math.max(face.width(), face.height());
    return new FaceBox(
        face.centerX() - side / 2,
        face.centerY() - side / 2,
        side,
        side,
        face.score(),
        face.view());
  }
}
