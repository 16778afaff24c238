package facegate.pipeline;

import facegate.core.Embedding;
import facegate.core.Landmarks;
import facegate.core.RgbImage;
import facegate.pose.FaceView;
import java.util.Objects;

/**
 * The largest face of a photo: its embedding and the aligned chip it was computed from.
 *
 * @param chip the aligned crop the embedding network saw (not mirrored)
 * @param chipLandmarks the face's 68 landmarks in chip pixels (what pose views are made from)
 * @param view the face's estimated yaw and view in the photo ({@link FaceView#UNKNOWN} when it
 *     could not be estimated)
 */
public record FoundFace(
    Embedding embedding, RgbImage chip, Landmarks chipLandmarks, FaceView view) {
  public FoundFace {
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(chip, "chip");
    Objects.requireNonNull(chipLandmarks, "chipLandmarks");
    Objects.requireNonNull(view, "view");
  }

  /** A found face whose view is unknown. */
  public FoundFace(Embedding embedding, RgbImage chip, Landmarks chipLandmarks) {
    this(embedding, chip, chipLandmarks, FaceView.UNKNOWN);
  }
}
