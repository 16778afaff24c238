package facegate.pipeline;

import facegate.core.Embedding;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import java.util.Objects;

/**
 * The largest face of a photo: its embedding and the aligned chip it was computed from.
 *
 * @param chip the aligned crop the embedding network saw (not mirrored)
 * @param chipLandmarks the face's 68 landmarks in chip pixels (what pose views are made from)
 */
public record FoundFace(Embedding embedding, RgbImage chip, Landmarks chipLandmarks) {
  public FoundFace {
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(chip, "chip");
    Objects.requireNonNull(chipLandmarks, "chipLandmarks");
  }
}
