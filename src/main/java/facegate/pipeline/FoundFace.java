package facegate.pipeline;

import facegate.core.Embedding;
import facegate.core.RgbImage;
import java.util.Objects;

/**
 * The largest face of a photo: its embedding and the aligned chip it was computed from.
 *
 * @param chip the aligned crop the embedding network saw (not mirrored)
 */
public record FoundFace(Embedding embedding, RgbImage chip) {
  public FoundFace {
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(chip, "chip");
  }
}
