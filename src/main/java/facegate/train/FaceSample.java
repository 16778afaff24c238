package facegate.train;

import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.Objects;

/**
 * One aligned training face.
 *
 * @param identity who it is
 * @param source the image file it was cut from
 * @param chip the aligned chip, as the pipeline cuts it
 * @param chipLandmarks the 68 landmarks in chip pixels (what a {@code FaceViewSynthesizer} needs)
 */
public record FaceSample(String identity, String source, RgbImage chip, Landmarks chipLandmarks) {
  public FaceSample {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(chip, "chip");
    Objects.requireNonNull(chipLandmarks, "chipLandmarks");
  }
}
